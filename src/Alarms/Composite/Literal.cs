using Autoscaler.Alarms.Model;

namespace Autoscaler.Alarms.Composite;

/// <summary><c>TRUE</c> or <c>FALSE</c>.</summary>
/// <param name="Value">The literal's value.</param>
public sealed record Literal(bool Value) : RuleNode
{
    /// <inheritdoc />
    public override bool Evaluate(Func<string, AlarmState> stateOf) => Value;

    internal override void Explain(Func<string, AlarmState> stateOf, bool value, List<string> facts) =>
        facts.Add(Value ? "TRUE" : "FALSE");
}
