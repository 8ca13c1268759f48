using Autoscaler.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MisterSmith.Worker;

// MisterSmith-style worker: registers its agent pool with the autoscaler and reports agent telemetry for a bounded run.
// Cluster: Autoscaler__Client__ConnectionString (PostgreSQL) or Autoscaler__Client__GatewayEndpoints__0, else localhost:30000.
var builder = Host.CreateApplicationBuilder();
builder.Configuration.AddCommandLine(args, new Dictionary<string, string>
{
    ["--duration"] = "Worker:Duration",
    ["--agents"] = "Worker:Agents",
    ["--target"] = "Worker:Target",
    ["--interval"] = "Worker:ReportIntervalSeconds",
    ["--remove-on-exit"] = "Worker:RemoveOnExit",
    ["--connection-string"] = "Autoscaler:Client:ConnectionString",
    ["--cluster-id"] = "Autoscaler:Client:ClusterId",
});
builder.AddAutoscalerClient(client => client.ClientName = "mistersmith-worker");
builder.Services.AddOptions<WorkerOptions>().BindConfiguration("Worker");
builder.Services.AddHostedService<WorkerService>();
await builder.Build().RunAsync();
