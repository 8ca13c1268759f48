using System.Collections.Concurrent;

namespace Autoscaler.Grains.Monitoring;

/// <summary>
/// What the targets active on this silo last reported about their capacity: one small entry per target, written by the
/// target's own grain (on load, after each evaluation and each decision) and read by the metric exporters on their own
/// schedule. A scrape therefore reads memory and never calls a grain; a deactivated or removed target leaves the registry,
/// so each target is exported by exactly the silo it is active on.
/// </summary>
public sealed class TargetCapacityRegistry
{
    private readonly ConcurrentDictionary<string, TargetCapacityReading> _targets = new(StringComparer.Ordinal);

    /// <summary>Targets reporting now.</summary>
    public int Count => _targets.Count;

    /// <summary>Records a target's capacity; <paramref name="desired"/> null keeps the last engine recommendation (or the current capacity).</summary>
    public void Report(string target, int current, int? desired, int min, int max)
    {
        var reading = _targets.GetOrAdd(target, static id => new TargetCapacityReading(id));
        reading.Update(current, desired ?? (reading.Reported ? reading.Desired : current), min, max);
    }

    /// <summary>Records an agent pool's latest aggregates (kept by reference: the caller hands over a fresh dictionary).</summary>
    public void ReportAgents(string target, IReadOnlyDictionary<string, double> aggregates)
    {
        if (_targets.TryGetValue(target, out var reading))
        {
            reading.UpdateAgents(aggregates);
        }
    }

    /// <summary>Forgets a target (removed, or deactivated on this silo).</summary>
    public void Forget(string target) => _targets.TryRemove(target, out _);

    /// <summary>The readings now, in no particular order; each is read without a lock (a value may be one update newer than another).</summary>
    public IEnumerable<TargetCapacityReading> Readings() => _targets.Values;
}
