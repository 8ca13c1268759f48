using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Autoscaler.Adapters.Nats.Connection;

/// <summary>The NATS connection as a dependency: healthy when connected or disabled by configuration, otherwise the
/// registration's failure status (the silo registers it Degraded: a NATS outage leaves the silo serving, HTTP telemetry
/// included, so it must not take the silo out of a load balancer's rotation).</summary>
public sealed class NatsHealthCheck(NatsConnectionHost host) : IHealthCheck
{
    /// <summary>The health check's registration name.</summary>
    public const string Name = "nats";

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var status = host.Status;
        var data = new Dictionary<string, object> { ["status"] = status.ToString() };
        var result = status switch
        {
            NatsConnectionStatus.Connected => HealthCheckResult.Healthy("NATS connected", data),
            NatsConnectionStatus.Disabled => HealthCheckResult.Healthy("NATS disabled by configuration", data),
            _ => new HealthCheckResult(context.Registration?.FailureStatus ?? HealthStatus.Unhealthy, $"NATS {status.ToString().ToLowerInvariant()}", data: data),
        };
        return Task.FromResult(result);
    }
}
