namespace Autoscaler.Grains.Interfaces;

/// <summary>An alarm as operators see it.</summary>
/// <param name="Name">The alarm's name.</param>
/// <param name="Definition">The definition as written (JSON, docs/contracts/alarms.md).</param>
/// <param name="Kind"><c>metric</c>, <c>anomaly</c> or <c>composite</c>.</param>
/// <param name="Target">The watched target, if any.</param>
/// <param name="Metric">The watched metric (metric and anomaly alarms).</param>
/// <param name="Severity"><c>critical</c>, <c>warning</c> or <c>info</c>.</param>
/// <param name="State"><c>OK</c>, <c>ALARM</c> or <c>INSUFFICIENT_DATA</c>.</param>
/// <param name="Reason">Why it is in that state.</param>
/// <param name="StateChangedAt">When it entered the state.</param>
/// <param name="LastEvaluatedAt">The latest evaluation.</param>
/// <param name="Threshold">A metric alarm's static threshold.</param>
/// <param name="Comparison">The comparison operator (metric and anomaly alarms).</param>
/// <param name="Band">An anomaly alarm's latest band.</param>
/// <param name="PeriodSeconds">The period (0 for a composite).</param>
/// <param name="Mutes">Mute windows not yet over.</param>
/// <param name="Muted">True while a mute window is open.</param>
/// <param name="ActionsEnabled">False: no action runs.</param>
/// <param name="EscalationLevel">Escalation steps taken in the current ALARM episode.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.AlarmStatus")]
public sealed record AlarmStatus(
    string Name,
    string Definition,
    string Kind,
    string? Target,
    string? Metric,
    string Severity,
    string State,
    string Reason,
    DateTimeOffset StateChangedAt,
    DateTimeOffset? LastEvaluatedAt,
    double? Threshold,
    string? Comparison,
    AlarmBand? Band,
    int PeriodSeconds,
    IReadOnlyList<AlarmMute> Mutes,
    bool Muted,
    bool ActionsEnabled,
    int EscalationLevel);
