using System.ComponentModel.DataAnnotations;

namespace Autoscaler.Grains.Telemetry;

/// <summary>
/// How much telemetry one target may hold (section <c>Telemetry</c>, beside the pipeline's own keys): values past a limit
/// are refused and counted by limit (meter <c>Autoscaler.Telemetry</c>, <c>/health/ready</c>, the target's status), so a
/// sender with runaway metric names or instance ids cannot grow a target's windows and state without bound.
/// </summary>
public sealed class TargetLimitsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Telemetry";

    /// <summary>Most distinct metric names per target (a window each); a new name past it is refused.</summary>
    [Range(1, 10_000)]
    public int MaxMetricsPerTarget { get; set; } = 64;

    /// <summary>Most instances a target's metric tracks at once; a new instance past it is refused unless the least
    /// recently seen one is stale (then it makes room).</summary>
    [Range(1, 100_000)]
    public int MaxInstancesPerTarget { get; set; } = 256;

    /// <summary>The transport mode (<c>Telemetry:Mode</c>, validated by the NATS transport): in <c>jetstream</c> mode
    /// messages may be redelivered, so targets filter duplicates by default.</summary>
    public string Mode { get; set; } = "core";

    /// <summary>Recent samples each target remembers (instance, timestamp, content) to drop redelivered duplicates before
    /// its windows; -1 (default): 512 in <c>jetstream</c> mode, off in <c>core</c> mode; 0: off.</summary>
    [Range(-1, 100_000)]
    public int DuplicateFilterSize { get; set; } = -1;
}
