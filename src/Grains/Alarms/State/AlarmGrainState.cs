using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Grains.Alarms.State;

/// <summary>
/// Persisted state of an <see cref="AlarmGrain"/>: the definition as written, the state and reason, the action memory
/// (cooldowns, de-duplication, escalation, suppression) so that a failover neither repeats nor forgets actions, and the
/// datapoint history anomaly models and long periods read. Only plain values: the engine's types are rebuilt at activation.
/// </summary>
[GenerateSerializer, Alias("autoscaler.AlarmGrainState")]
public sealed class AlarmGrainState
{
    /// <summary>The definition JSON; null when the alarm does not exist.</summary>
    [Id(0)]
    public string? Definition { get; set; }

    /// <summary><c>OK</c>, <c>ALARM</c> or <c>INSUFFICIENT_DATA</c>.</summary>
    [Id(1)]
    public string State { get; set; } = "INSUFFICIENT_DATA";

    /// <summary>Why.</summary>
    [Id(2)]
    public string Reason { get; set; } = string.Empty;

    /// <summary>When the state was entered.</summary>
    [Id(3)]
    public DateTimeOffset StateChangedAt { get; set; }

    /// <summary>The latest evaluation.</summary>
    [Id(4)]
    public DateTimeOffset? LastEvaluatedAt { get; set; }

    /// <summary>Source of history ids.</summary>
    [Id(5)]
    public long Sequence { get; set; }

    /// <summary>Mute windows not yet over.</summary>
    [Id(6)]
    public List<AlarmMute> Mutes { get; set; } = [];

    /// <summary>Action key → last run.</summary>
    [Id(7)]
    public Dictionary<string, DateTimeOffset> LastRun { get; set; } = [];

    /// <summary>Notification key → last sent.</summary>
    [Id(8)]
    public Dictionary<string, DateTimeOffset> LastSent { get; set; } = [];

    /// <summary>A composite's suppression phase name.</summary>
    [Id(9)]
    public string SuppressionPhase { get; set; } = "Idle";

    /// <summary>End of the suppression wait or extension.</summary>
    [Id(10)]
    public DateTimeOffset? SuppressionUntil { get; set; }

    /// <summary>This ALARM episode's actions were held by the suppressor.</summary>
    [Id(11)]
    public bool SuppressedEpisode { get; set; }

    /// <summary>Escalation steps taken in the current ALARM episode.</summary>
    [Id(12)]
    public int EscalationLevel { get; set; }

    /// <summary>End of the first period in <see cref="Ring"/> (UTC ticks).</summary>
    [Id(13)]
    public long RingStartTicks { get; set; }

    /// <summary>Datapoints at the ring's step, oldest first (NaN: missing).</summary>
    [Id(14)]
    public double[] Ring { get; set; } = [];

    /// <summary>The control-plane counter read at the previous period boundary.</summary>
    [Id(15)]
    public long? SignalCounter { get; set; }

    /// <summary>The newest breaching datapoint of the latest evaluation (a scale action's metric value).</summary>
    [Id(16)]
    public double? LastBreach { get; set; }
}
