using Autoscaler.Alarms.Model;

namespace Autoscaler.Alarms.Composite;

/// <summary>A parsed composite alarm rule: its tree and the alarms it names (each once, in rule order).</summary>
/// <param name="Text">The rule as written.</param>
/// <param name="Root">The expression.</param>
/// <param name="Alarms">The names of the alarms the rule reads, with the column of their first mention.</param>
public sealed record CompositeRule(string Text, RuleNode Root, IReadOnlyList<(string Name, int Column)> Alarms)
{
    /// <summary>The composite's state: ALARM when the rule is true, otherwise OK.</summary>
    public AlarmState Evaluate(Func<string, AlarmState> stateOf) => Root.Evaluate(stateOf) ? AlarmState.Alarm : AlarmState.Ok;

    /// <summary>A reason for the current value: <c>The rule is true: HighCPU is ALARM and Maintenance is OK.</c></summary>
    public string Explain(Func<string, AlarmState> stateOf)
    {
        var value = Root.Evaluate(stateOf);
        var facts = new List<string>();
        Root.Explain(stateOf, value, facts);
        var because = facts.Count switch
        {
            0 => string.Empty,
            1 => facts[0],
            _ => string.Join(", ", facts.Take(facts.Count - 1)) + " and " + facts[^1],
        };
        return value
            ? $"Composite rule is true (ALARM): {because}."
            : $"Composite rule is false (OK): {because}.";
    }
}
