using System.ComponentModel.DataAnnotations;

namespace Autoscaler.Grains.KeepAlive;

/// <summary>The keep-alive sweep (section <c>KeepAlive</c>): how often each silo touches its share of the targets and
/// alarms, and how fast.</summary>
public sealed class KeepAliveOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "KeepAlive";

    /// <summary>Whether the sweep runs (off only for tests that drive it themselves).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Seconds between sweeps: a grain whose silo was lost is active again within about this long after the
    /// silo is declared dead (the per-grain reminder it replaces ticked every minute).</summary>
    [Range(1, 3600)]
    public int SweepSeconds { get; set; } = 60;

    /// <summary>Seconds a silo waits after the set of active silos changed before it sweeps (not waiting for the next
    /// period): long enough for the other silos to see the change too.</summary>
    [Range(0, 600)]
    public int SettleSeconds { get; set; } = 10;

    /// <summary>Grains touched concurrently in one batch.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>Upper bound on touches per second per silo, so a sweep after a failover does not flood the cluster with
    /// activations (10,000 grains at 1,000/s take 10 s).</summary>
    [Range(1, 1_000_000)]
    public int TouchesPerSecond { get; set; } = 1_000;

    /// <summary>Whether a sweep asks the targets of this silo's share that live on another silo to migrate here (on by
    /// default): how the targets come back to a silo that joined or returned.</summary>
    public bool Rebalance { get; set; } = true;

    /// <summary>Upper bound on migrations a silo asks for per second, so a returning silo is not stormed (10,000 targets at
    /// 200/s take 50 s); each migration writes the target's state and windows once.</summary>
    [Range(1, 100_000)]
    public int MigrationsPerSecond { get; set; } = 200;
}
