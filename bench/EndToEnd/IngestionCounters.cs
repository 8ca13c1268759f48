namespace Autoscaler.EndToEnd.Benchmarks;

/// <summary>What the silo's ingestion has seen so far, from <c>/health/ready</c>.</summary>
/// <param name="MessagesSeen">Messages read from NATS plus messages the client dropped on a full buffer.</param>
/// <param name="SamplesAccepted">Valid samples queued for the grains.</param>
/// <param name="SamplesDelivered">Samples the grains applied.</param>
/// <param name="BatchesDelivered">Grain calls that carried them.</param>
internal sealed record IngestionCounters(long MessagesSeen, long SamplesAccepted, long SamplesDelivered, long BatchesDelivered)
{
    /// <summary>True when every one of <paramref name="published"/> messages since <paramref name="before"/> was seen and nothing is queued.</summary>
    public bool WorkedOff(IngestionCounters before, long published) =>
        MessagesSeen - before.MessagesSeen >= published && SamplesDelivered == SamplesAccepted;

    /// <summary>Samples per grain call since <paramref name="before"/>.</summary>
    public double SamplesPerCall(IngestionCounters before) =>
        (double)(SamplesDelivered - before.SamplesDelivered) / Math.Max(1, BatchesDelivered - before.BatchesDelivered);
}
