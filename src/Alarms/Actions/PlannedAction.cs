namespace Autoscaler.Alarms.Actions;

/// <summary>One action of a transition with its verdict.</summary>
/// <param name="Key">Identifies the action for cooldowns (<c>ALARM/0</c>: the first of the ALARM actions).</param>
/// <param name="Action">The action.</param>
/// <param name="Verdict">Run now or why not.</param>
/// <param name="Note">The verdict in words, for the history.</param>
public sealed record PlannedAction(string Key, AlarmAction Action, ActionVerdict Verdict, string Note);
