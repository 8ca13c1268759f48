using Autoscaler.Silo.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Autoscaler.Deploy.Tests.Support;

/// <summary>The routes the silo's own <c>MapAutoscalerHealth</c> maps, read from the endpoints it creates.</summary>
public static class HealthRoutes
{
    private static readonly Lazy<IReadOnlyList<string>> _all = new(Map);

    /// <summary>Every mapped health route, e.g. <c>/health/live</c>.</summary>
    public static IReadOnlyList<string> All => _all.Value;

    /// <summary>The liveness route (the process answers).</summary>
    public static string Live => All.Single(r => r.EndsWith("/live", StringComparison.Ordinal));

    /// <summary>The readiness route (cluster member, storage answers).</summary>
    public static string Ready => All.Single(r => r.EndsWith("/ready", StringComparison.Ordinal));

    private static IReadOnlyList<string> Map()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddAutoscalerHealth();
        var app = builder.Build();
        app.MapAutoscalerHealth();
        return [.. ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Select(endpoint => "/" + endpoint.RoutePattern.RawText!.TrimStart('/'))];
    }
}
