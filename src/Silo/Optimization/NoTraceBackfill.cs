using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Silo.Optimization;

/// <summary>No backfill: the optimiser reads what the targets recorded, nothing else.</summary>
internal sealed class NoTraceBackfill : ITraceBackfill
{
    /// <inheritdoc />
    public TargetTrace Fill(TargetTrace trace) => trace;
}
