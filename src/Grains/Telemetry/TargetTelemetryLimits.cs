using Autoscaler.Ports.Telemetry;
using Microsoft.Extensions.Options;

namespace Autoscaler.Grains.Telemetry;

/// <summary>The silo's per-target telemetry limits and where refusals are counted; one per silo, shared by the targets.</summary>
public sealed class TargetTelemetryLimits(IOptions<TargetLimitsOptions> options, ITelemetryLimitCounter counter)
{
    /// <summary>Limits for tests and tools: the defaults, refusals not counted anywhere.</summary>
    public static TargetTelemetryLimits Default { get; } = new(Options.Create(new TargetLimitsOptions()), new UncountedTelemetryLimits());

    /// <summary>Most metric names per target.</summary>
    public int MaxMetrics { get; } = options.Value.MaxMetricsPerTarget;

    /// <summary>Most live instances per metric of a target.</summary>
    public int MaxInstances { get; } = options.Value.MaxInstancesPerTarget;

    /// <summary>Recent samples each target remembers to drop redelivered duplicates; 0: no filter.</summary>
    public int DuplicateFilterSize { get; } = options.Value.DuplicateFilterSize >= 0 ? options.Value.DuplicateFilterSize
        : string.Equals(options.Value.Mode, "jetstream", StringComparison.OrdinalIgnoreCase) ? 512 : 0;

    /// <summary>Counts refused values.</summary>
    public void Refused(string target, TelemetryLimit limit, int values)
    {
        if (values > 0)
        {
            counter.Refused(target, limit, values);
        }
    }
}
