using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Autoscaler.Adapters.Nats.Telemetry;

/// <summary>Readiness of telemetry ingestion, with the counters as data so an operator sees rejects and overflow.</summary>
public sealed class TelemetryIngestionHealthCheck(NatsTelemetryIngestionService service, TelemetryIngestionCounters counters) : IHealthCheck
{
    /// <summary>The health check's registration name.</summary>
    public const string Name = "telemetry-ingestion";

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = service.Status;
        var snapshot = counters.Snapshot();
        var data = new Dictionary<string, object>
        {
            ["status"] = status.ToString(),
            ["messagesReceived"] = snapshot.MessagesReceived,
            ["samplesAccepted"] = snapshot.SamplesAccepted,
            ["samplesDelivered"] = snapshot.SamplesDelivered,
            ["batchesDelivered"] = snapshot.BatchesDelivered,
            ["rejected"] = snapshot.RejectedTotal,
            ["overflowed"] = snapshot.Overflowed,
            ["sinkFailures"] = snapshot.SinkFailures,
            ["clientDropped"] = snapshot.ClientDropped,
        };
        var result = status is TelemetryIngestionStatus.Ready or TelemetryIngestionStatus.Disabled
            ? HealthCheckResult.Healthy($"telemetry ingestion {status.ToString().ToLowerInvariant()}", data)
            : HealthCheckResult.Unhealthy($"telemetry ingestion {status.ToString().ToLowerInvariant()}", data: data);
        return Task.FromResult(result);
    }
}
