using System.ComponentModel.DataAnnotations;

namespace Autoscaler.Ingestion;

/// <summary>
/// The shared pipeline's settings, section <c>Telemetry</c> (environment: <c>Telemetry__MaxBatchSize</c>, …): limits the
/// parser applies, per-target queue bounds and batching, rejection logging. They hold for every transport; the NATS
/// transport's own keys (<c>Telemetry:Prefix</c>, <c>Telemetry:QueueGroup</c>, …) sit in the same section.
/// </summary>
public sealed class TelemetryIngestionOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Telemetry";

    /// <summary>Largest accepted message in bytes.</summary>
    [Range(256, 16 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 64 * 1024;

    /// <summary>How far in the future a sample's <c>ts</c> may be (clock skew allowance).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MaxFutureSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Accept telemetry for targets the catalog does not know (or when no catalog is registered).</summary>
    public bool AutoRegisterTargets { get; set; }

    /// <summary>Samples buffered per target before new ones are dropped (and counted as overflow).</summary>
    [Range(1, 1_000_000)]
    public int QueueCapacityPerTarget { get; set; } = 4096;

    /// <summary>Most samples handed to the sink in one call.</summary>
    [Range(1, 100_000)]
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>
    /// Most targets with a queue at once (an idle one is about 200 bytes); at the limit idle queues are forgotten, and
    /// samples for a new target that still does not fit are dropped and counted as overflow.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxTargets { get; set; } = 100_000;

    /// <summary>
    /// How long a failed delivery to the sink (a grain reactivating after its silo died, storage restarting) is retried
    /// before its samples are given up and counted as abandoned; 0 turns retrying off. While a delivery is retried, the
    /// target's queue keeps its bound: what does not fit is counted as overflow.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan DeliveryRetryLimit { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The wait before the first retry of a failed delivery; each later one doubles (with jitter), up to 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:10")]
    public TimeSpan DeliveryRetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>At most one log line per rejection reason per interval (the rest are counted, then summarized).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RejectionLogInterval { get; set; } = TimeSpan.FromSeconds(10);
}
