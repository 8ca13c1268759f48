using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Autoscaler.Adapters.Sources.Polling;

/// <summary>
/// Readiness of the pull sources: Degraded (never Unhealthy) while any source's last read failed, since the silo still
/// serves and the engine's no-data handling covers the missing metric. Each source's state is in the data.
/// </summary>
public sealed class MetricSourcesHealthCheck(MetricSourcePollers pollers) : IHealthCheck
{
    /// <summary>The health check's registration name.</summary>
    public const string Name = "metric-sources";

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var statuses = pollers.All.Select(p => p.Status).ToList();
        var data = statuses.ToDictionary(s => s.Name, s => (object)new Dictionary<string, object?>
        {
            ["polls"] = s.Polls,
            ["failures"] = s.Failures,
            ["consecutiveFailures"] = s.ConsecutiveFailures,
            ["last"] = s.LastKind?.ToString(),
            ["message"] = s.LastMessage,
            ["lastSuccessAt"] = s.LastSuccessAt,
        });
        var failing = statuses.Where(s => s.IsFailing).ToList();
        var result = failing.Count == 0
            ? HealthCheckResult.Healthy($"{statuses.Count} metric source(s) reading", data)
            : HealthCheckResult.Degraded(
                $"{failing.Count} of {statuses.Count} metric source(s) failing: "
                + string.Join("; ", failing.Select(s => $"{s.Name} ({s.ConsecutiveFailures}x: {s.LastMessage})")),
                data: data);
        return Task.FromResult(result);
    }
}
