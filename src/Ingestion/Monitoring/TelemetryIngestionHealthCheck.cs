using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Autoscaler.Ingestion.Monitoring;

/// <summary>
/// Telemetry ingestion as a dependency: the push transport's status, with the pipeline's counters (and the transport's)
/// as data so an operator sees rejects (in total and by reason), overflow and delivery retries. Without a push transport
/// it is healthy and says disabled; a transport not ready reports the registration's failure status (the silo registers
/// it Degraded: HTTP telemetry still works while NATS is away).
/// </summary>
public sealed class TelemetryIngestionHealthCheck(TelemetryIngestionCounters counters, ITelemetryTransportHealth? transport = null) : IHealthCheck
{
    /// <summary>The health check's registration name.</summary>
    public const string Name = "telemetry-ingestion";

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
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
            ["deliveryRetries"] = snapshot.DeliveryRetries,
            ["samplesAbandoned"] = snapshot.SamplesAbandoned,
            ["refusedMetricsPerTarget"] = snapshot.Refused.GetValueOrDefault(Autoscaler.Ports.Telemetry.TelemetryLimit.MetricsPerTarget),
            ["refusedInstancesPerTarget"] = snapshot.Refused.GetValueOrDefault(Autoscaler.Ports.Telemetry.TelemetryLimit.InstancesPerTarget),
        };
        transport?.AddHealthData(data);
        var result = status is TelemetryIngestionStatus.Ready or TelemetryIngestionStatus.Disabled
            ? HealthCheckResult.Healthy($"telemetry ingestion {status.ToString().ToLowerInvariant()}", data)
            : new HealthCheckResult(context.Registration?.FailureStatus ?? HealthStatus.Unhealthy, $"telemetry ingestion {status.ToString().ToLowerInvariant()}", data: data);
        return Task.FromResult(result);
    }
}
