using System.ComponentModel.DataAnnotations;

namespace Autoscaler.Adapters.Nats.Telemetry;

/// <summary>
/// The NATS transport's telemetry settings. They share section <c>Telemetry</c> with the pipeline's
/// <see cref="Autoscaler.Ingestion.TelemetryIngestionOptions"/>, so the keys stay <c>Telemetry:Prefix</c>, … .
/// </summary>
public sealed class NatsTelemetryOptions
{
    /// <summary>The configuration section name (the same as the pipeline's).</summary>
    public const string SectionName = "Telemetry";

    /// <summary>
    /// <c>core</c> (default): a core NATS queue subscription, at most once. <c>jetstream</c>: a stream and a shared durable
    /// consumer, at least once (see <see cref="JetStream.JetStreamTelemetryOptions"/>, section <c>Telemetry:JetStream</c>).
    /// </summary>
    [EnumDataType(typeof(TelemetryTransportMode), ErrorMessage = "Telemetry:Mode must be core or jetstream.")]
    public TelemetryTransportMode Mode { get; set; } = TelemetryTransportMode.Core;

    /// <summary>Run the NATS ingestion service (it also needs <c>Nats:Url</c>).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Subject prefix: samples arrive on <c>{Prefix}.{target}</c>, rejects are republished on <c>{Prefix}.rejected</c>.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$", ErrorMessage = "Telemetry:Prefix must be dot-separated tokens of letters, digits, '-' or '_'.")]
    public string Prefix { get; set; } = "telemetry";

    /// <summary>Queue group shared by all silos, so each message is processed once across the cluster.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_.-]+$", ErrorMessage = "Telemetry:QueueGroup must be letters, digits, '.', '-' or '_'.")]
    public string QueueGroup { get; set; } = "autoscaler-telemetry";

    /// <summary>Messages the NATS client buffers for the subscription before it drops (and we count) them.</summary>
    [Range(1, 10_000_000)]
    public int SubscriptionCapacity { get; set; } = 65_536;

    /// <summary>Republish rejected messages on <c>{Prefix}.rejected</c>.</summary>
    public bool RepublishRejected { get; set; } = true;
}
