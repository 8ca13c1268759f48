using Autoscaler.Adapters.Nats.Hosting;
using Autoscaler.Silo.Api;
using Autoscaler.Silo.Api.Security;
using Autoscaler.Silo.ControlPlane;
using Autoscaler.Silo.Demo;
using Autoscaler.Silo.Health;
using Autoscaler.Silo.Hosting;
using Autoscaler.Silo.Monitoring;

return await SiloProgram.RunAsync(args, builder =>
{
    builder.AddAutoscalerOrleans();
    builder.Services.AddAutoscalerHealth();
    builder.Services.AddAutoscalerNats(builder.Configuration);
    builder.AddAutoscalerControlPlane();
    builder.AddAutoscalerDemo(args);
    builder.Services.AddAutoscalerApiSecurity(builder.Configuration);
    builder.Services.AddAutoscalerApi();
    builder.AddAutoscalerMonitoring();
}, app =>
{
    app.UseAutoscalerApiSecurity();
    app.UseDefaultFiles();
    app.UseStaticFiles();
    app.MapAutoscalerHealth();
    app.MapAutoscalerSecurityEndpoints();
    app.MapAutoscalerApi();
    app.MapAutoscalerMonitoring();
});

/// <summary>Entry point, visible to tests that host the silo in-process.</summary>
public partial class Program;
