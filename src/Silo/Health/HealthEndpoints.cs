using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Autoscaler.Silo.Health;

/// <summary>
/// <c>GET /health/live</c> (the process answers), <c>GET /health/ready</c> (the silo can serve: it is an active cluster
/// member; 200 while its dependencies are Degraded, which the body shows) and <c>GET /health/dependencies</c> (PostgreSQL,
/// NATS, telemetry ingestion, metric sources: 503 while any of them is not Healthy, for monitoring and alerting), all with
/// JSON bodies. Readiness is what load balancers and Kubernetes act on, so a dependency outage shared by every silo never
/// takes them all out of rotation at once.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>Tag of the checks that decide readiness.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Tag of the dependency checks (every ready check but the silo's own): Degraded when failing.</summary>
    public const string DependencyTag = "dependency";

    private const string SiloCheck = "silo";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    /// <summary>Registers the silo's readiness checks.</summary>
    public static IServiceCollection AddAutoscalerHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<SiloActiveHealthCheck>(SiloCheck, tags: [ReadyTag])
            .AddCheck<StorageHealthCheck>("storage", tags: [ReadyTag]);

        // Every other check is a dependency (adapters register theirs with the ready tag): failing makes it Degraded.
        services.PostConfigure<HealthCheckServiceOptions>(o =>
        {
            foreach (var registration in o.Registrations.Where(r => r.Name != SiloCheck && r.Tags.Contains(ReadyTag)))
            {
                registration.Tags.Add(DependencyTag);
                registration.FailureStatus = HealthStatus.Degraded;
            }
        });
        return services;
    }

    /// <summary>Maps the two health endpoints.</summary>
    public static IEndpointRouteBuilder MapAutoscalerHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteAsync,
        });
        endpoints.MapHealthChecks("/health/dependencies", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(DependencyTag),
            ResponseWriter = WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        return endpoints;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new
                {
                    status = entry.Value.Status.ToString(),
                    description = entry.Value.Description,
                    data = entry.Value.Data.Count == 0 ? null : entry.Value.Data,
                }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }
}
