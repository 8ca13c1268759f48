using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Autoscaler.Ingestion.Monitoring;

/// <summary>
/// Readiness of telemetry ingestion: the push transport's status, with the pipeline's counters (and the transport's) as
/// data so an operator sees rejects (in total and by reason) and overflow. Without a push transport it is healthy and says disabled.
/// </summary>
public sealed class TelemetryIngestionHealthCheck(TelemetryIngestionCounters counters, ITelemetryTransportHealth? transport = null) : IHealthCheck
{
    /// <summary>The health check's registration name.</summary>
    public const string Name = "telemetry-ingestion";

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = transport?.Status ?? TelemetryIngestionStatus.Disabled;
        var snapshot = counters.Snapshot();
        var data = new Dictionary<string, object>
        {
            ["status"] = status.ToString(),
            ["messagesReceived"] = snapshot.MessagesReceived,
            ["samplesAccepted"] = snapshot.SamplesAccepted,
            ["samplesDelivered"] = snapshot.SamplesDelivered,
            ["batchesDelivered"] = snapshot.BatchesDelivered,
            ["rejected"] = snapshot.RejectedTotal,
            // Reason names as the meter's "reason" tag spells them; every reason, zero included.
            ["rejectedByReason"] = snapshot.Rejected.OrderBy(r => r.Key).ToDictionary(r => r.Key.ToString(), r => r.Value),
            ["overflowed"] = snapshot.Overflowed,
            ["sinkFailures"] = snapshot.SinkFailures,
        };
        transport?.AddHealthData(data);
        var result = status is TelemetryIngestionStatus.Ready or TelemetryIngestionStatus.Disabled
            ? HealthCheckResult.Healthy($"telemetry ingestion {status.ToString().ToLowerInvariant()}", data)
            : HealthCheckResult.Unhealthy($"telemetry ingestion {status.ToString().ToLowerInvariant()}", data: data);
        return Task.FromResult(result);
    }
}
