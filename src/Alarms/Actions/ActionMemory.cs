namespace Autoscaler.Alarms.Actions;

/// <summary>
/// When each action last ran and when each notification was last sent: the memory cooldowns and de-duplication read.
/// Owned by one alarm (not thread-safe); persisted with it so that a failover does not re-run what already ran.
/// </summary>
public sealed class ActionMemory
{
    /// <summary>Action key → last run.</summary>
    public Dictionary<string, DateTimeOffset> LastRun { get; } = new(StringComparer.Ordinal);

    /// <summary>Notification key (action, state, severity) → last sent.</summary>
    public Dictionary<string, DateTimeOffset> LastSent { get; } = new(StringComparer.Ordinal);

    /// <summary>Forgets entries older than <paramref name="horizon"/> before <paramref name="now"/> (they can no longer block anything).</summary>
    public void Prune(DateTimeOffset now, TimeSpan horizon)
    {
        foreach (var map in new[] { LastRun, LastSent })
        {
            foreach (var key in map.Where(e => now - e.Value > horizon).Select(e => e.Key).ToList())
            {
                map.Remove(key);
            }
        }
    }
}
