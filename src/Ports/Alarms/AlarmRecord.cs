namespace Autoscaler.Ports.Alarms;

/// <summary>
/// One entry of an alarm's history: a state change (published as an event in the contract's shape, see
/// <see cref="AlarmEventJson"/>) or an action and its outcome. States and severities are their document names
/// (<c>ALARM</c>, <c>critical</c>) so that this record does not depend on the alarm engine.
/// </summary>
/// <param name="Id">Unique id: <c>{alarm}-{sequence}</c>, with <c>-a{n}</c> for an action of that transition.</param>
/// <param name="Alarm">The alarm's name.</param>
/// <param name="Target">The alarm's target, if it has one.</param>
/// <param name="At">When it happened.</param>
/// <param name="Kind">State change or action.</param>
/// <param name="Severity"><c>critical</c>, <c>warning</c> or <c>info</c> (for an escalated notification, the level it went to).</param>
/// <param name="From">State before.</param>
/// <param name="To">State after.</param>
/// <param name="Reason">The evaluation's reason sentence (state), or what was done and why (action).</param>
public sealed record AlarmRecord(
    string Id, string Alarm, string? Target, DateTimeOffset At, AlarmRecordKind Kind, string Severity, string From, string To, string Reason)
{
    /// <summary>For an action: the action (<c>notify webhook https://...</c>, <c>scale worker +2 (max 50)</c>).</summary>
    public string? Action { get; init; }

    /// <summary>For an action: <c>succeeded</c>, <c>failed: ...</c>, <c>dry-run</c>, <c>cooldown</c>, <c>muted</c>,
    /// <c>suppressed</c>, <c>deduplicated</c>, <c>disabled</c>.</summary>
    public string? Outcome { get; init; }
}
