using System.Diagnostics.Metrics;
using Autoscaler.Ingestion.Monitoring;

namespace Autoscaler.Adapters.Nats.Telemetry;

/// <summary>
/// What only the NATS transport loses: messages its client dropped on a full subscription buffer, and rejects it could
/// not republish. Exported on the pipeline's <c>Autoscaler.Telemetry</c> meter beside its counters.
/// </summary>
public sealed class NatsTelemetryCounters
{
    private long _clientDropped;
    private long _republishDropped;

    /// <summary>Creates the counters; with a meter factory the client's drops are also exported as an instrument.</summary>
    public NatsTelemetryCounters(IMeterFactory? meterFactory = null)
    {
        meterFactory?.Create(TelemetryIngestionCounters.MeterName).CreateObservableCounter(
            "autoscaler.telemetry.client.dropped", () => ClientDropped, "{message}", "Messages the NATS client dropped on a full subscription buffer");
    }

    /// <summary>Messages the NATS client dropped because the subscription's buffer was full.</summary>
    public long ClientDropped => Volatile.Read(ref _clientDropped);

    /// <summary>Rejected messages not republished because the republish queue was full (or NATS was down).</summary>
    public long RepublishDropped => Volatile.Read(ref _republishDropped);

    internal void CountClientDropped() => Interlocked.Increment(ref _clientDropped);

    internal void CountRepublishDropped() => Interlocked.Increment(ref _republishDropped);
}
