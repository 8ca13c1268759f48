using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Autoscaler.Adapters.Nats.Connection;

/// <summary>Readiness of the NATS connection: healthy when connected or disabled by configuration, unhealthy otherwise.</summary>
public sealed class NatsHealthCheck(NatsConnectionHost host) : IHealthCheck
{
    /// <summary>The health check's registration name.</summary>
    public const string Name = "nats";

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = host.Status;
        var data = new Dictionary<string, object> { ["status"] = status.ToString() };
        var result = status switch
        {
            NatsConnectionStatus.Connected => HealthCheckResult.Healthy("NATS connected", data),
            NatsConnectionStatus.Disabled => HealthCheckResult.Healthy("NATS disabled by configuration", data),
            _ => HealthCheckResult.Unhealthy($"NATS {status.ToString().ToLowerInvariant()}", data: data),
        };
        return Task.FromResult(result);
    }
}
