using Autoscaler.Alarms.Model;

namespace Autoscaler.Alarms.Composite;

/// <summary><c>ALARM(name)</c>, <c>OK(name)</c> or <c>INSUFFICIENT_DATA(name)</c>: true when the alarm is in that state.</summary>
/// <param name="State">The state tested.</param>
/// <param name="Alarm">The alarm's name.</param>
/// <param name="Column">Where the name starts in the rule (1-based), for errors about it.</param>
public sealed record StateTest(AlarmState State, string Alarm, int Column) : RuleNode
{
    /// <inheritdoc />
    public override bool Evaluate(Func<string, AlarmState> stateOf)
    {
        ArgumentNullException.ThrowIfNull(stateOf);
        return stateOf(Alarm) == State;
    }

    internal override void Explain(Func<string, AlarmState> stateOf, bool value, List<string> facts)
    {
        var fact = $"{Alarm} is {AlarmStates.Name(stateOf(Alarm))}";
        if (!facts.Contains(fact))
        {
            facts.Add(fact);
        }
    }
}
