using System.CommandLine;
using Autoscaler.Cli.Dashboards;
using Autoscaler.Scaling.Validation;

namespace Autoscaler.Cli.Commands;

/// <summary>
/// <c>autoscaler dashboards cloudwatch [--dashboard overview|performance|database]</c>: prints a CloudWatch dashboard body
/// for <c>aws cloudwatch put-dashboard --dashboard-body</c>, drawing the metrics the silo's CloudWatch export writes.
/// </summary>
public sealed class DashboardsCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var dashboard = new Option<string>("--dashboard", "-d") { Description = "overview, performance or database", DefaultValueFactory = _ => "overview" };
        var region = new Option<string>("--region") { Description = "AWS region of the metrics", DefaultValueFactory = _ => "us-west-2" };
        var services = new Option<string[]>("--service") { Description = "ECS service name (repeatable)", DefaultValueFactory = _ => ["mistersmith-supervisor", "mistersmith-worker"] };
        var database = new Option<string>("--db-cluster") { Description = "Aurora cluster identifier", DefaultValueFactory = _ => "mistersmith-aurora" };
        var targetNamespace = new Option<string>("--target-namespace") { Description = "Monitoring:CloudWatch:TargetNamespace", DefaultValueFactory = _ => "Autoscaler/Targets" };
        var agentNamespace = new Option<string>("--agent-namespace") { Description = "Monitoring:CloudWatch:AgentNamespace", DefaultValueFactory = _ => "MisterSmith/Agents" };
        var performanceNamespace = new Option<string>("--performance-namespace")
        {
            Description = "Monitoring:CloudWatch:PerformanceNamespace",
            DefaultValueFactory = _ => "MisterSmith/Performance",
        };
        var environment = new Option<string?>("--environment") { Description = "Monitoring:CloudWatch:Environment, when the export sets it" };
        var period = new Option<int>("--period") { Description = "Seconds per datapoint (60 or a multiple of 60)", DefaultValueFactory = _ => 300 };
        var cloudWatch = new Command("cloudwatch", "Print a CloudWatch dashboard body (JSON) for the metrics the silo exports.")
        {
            dashboard, region, services, database, targetNamespace, agentNamespace, performanceNamespace, environment, period,
        };
        cloudWatch.SetAction(parsed => CommandRunner.Run(context, () =>
        {
            var name = parsed.GetValue(dashboard)!;
            var seconds = parsed.GetValue(period);
            if (seconds < 60 || seconds % 60 != 0)
            {
                throw new ScalingInputException("--period", $"must be 60 or a multiple of 60, not {seconds}");
            }

            var settings = new CloudWatchDashboardSettings(
                parsed.GetValue(region)!, parsed.GetValue(services)!, parsed.GetValue(database)!, parsed.GetValue(targetNamespace)!,
                parsed.GetValue(agentNamespace)!, parsed.GetValue(performanceNamespace)!, parsed.GetValue(environment), seconds);
            var body = CloudWatchDashboards.Body(name, settings)
                       ?? throw new ScalingInputException("--dashboard", $"must be one of {string.Join(", ", CloudWatchDashboards.Names)}, not \"{name}\"");
            return JsonOutput.Render(writer => body.WriteTo(writer));
        }));
        return new Command("dashboards", "Dashboards as code for the control plane's exported metrics.") { cloudWatch };
    }
}
