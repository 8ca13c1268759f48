using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Silo.Optimization;

/// <summary>
/// History the optimiser reads before a target's own (only the demo fills it: its targets are minutes old, and right-size
/// and schedule recommendations need days). The trace is returned as is by default.
/// </summary>
public interface ITraceBackfill
{
    /// <summary><paramref name="trace"/>, with hours it does not cover filled in where this backfill knows them.</summary>
    public TargetTrace Fill(TargetTrace trace);
}
