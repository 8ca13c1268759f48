namespace Autoscaler.Alarms.Actions;

/// <summary>
/// Something an alarm does on a transition (<c>alarmActions</c>, <c>okActions</c>, <c>insufficientDataActions</c>).
/// Every kind refuses to run again within <see cref="CooldownSeconds"/> of its last run.
/// </summary>
/// <param name="CooldownSeconds">Minimum time between two runs of this action.</param>
public abstract record AlarmAction(int CooldownSeconds)
{
    /// <summary>The kind's document name: <c>notify</c>, <c>scale</c> or <c>restart</c>.</summary>
    public abstract string Kind { get; }

    /// <summary>A short label for history lines: <c>notify webhook http://...</c>, <c>scale worker +2 (max 50)</c>.</summary>
    public abstract string Describe();
}
