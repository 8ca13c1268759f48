using System.Diagnostics.Metrics;

namespace Autoscaler.Adapters.Sources.Polling;

/// <summary>
/// Poll counters on the <c>Autoscaler.Sources</c> meter, tagged with the source name: polls by outcome
/// (<c>ok</c>, <c>empty</c>, <c>failed</c>), samples delivered, and sink deliveries that failed or were skipped.
/// </summary>
public sealed class MetricSourceCounters
{
    /// <summary>The meter name.</summary>
    public const string MeterName = "Autoscaler.Sources";

    private readonly Counter<long>? _polls;
    private readonly Counter<long>? _samples;
    private readonly Counter<long>? _deliveryFailures;

    /// <summary>Creates the counters; without a meter factory nothing is exported.</summary>
    public MetricSourceCounters(IMeterFactory? meterFactory = null)
    {
        if (meterFactory is null)
        {
            return;
        }

        var meter = meterFactory.Create(MeterName);
        _polls = meter.CreateCounter<long>("autoscaler.sources.polls", "{poll}", "Polls of pull metric sources, by outcome");
        _samples = meter.CreateCounter<long>("autoscaler.sources.samples", "{sample}", "Samples delivered from pull sources (held values included)");
        _deliveryFailures = meter.CreateCounter<long>("autoscaler.sources.delivery.failures", "{call}", "Deliveries to the telemetry sink that failed or were skipped");
    }

    internal void Poll(string source, string outcome) =>
        _polls?.Add(1, new KeyValuePair<string, object?>("source", source), new KeyValuePair<string, object?>("outcome", outcome));

    internal void Samples(string source, int count) =>
        _samples?.Add(count, new KeyValuePair<string, object?>("source", source));

    internal void DeliveryFailure(string source) =>
        _deliveryFailures?.Add(1, new KeyValuePair<string, object?>("source", source));
}
