using Autoscaler.Alarms.Model;

namespace Autoscaler.Alarms.Composite;

/// <summary><c>NOT x</c>.</summary>
/// <param name="Operand">The negated expression.</param>
public sealed record Not(RuleNode Operand) : RuleNode
{
    /// <inheritdoc />
    public override bool Evaluate(Func<string, AlarmState> stateOf) => !Operand.Evaluate(stateOf);

    internal override void Explain(Func<string, AlarmState> stateOf, bool value, List<string> facts) =>
        Operand.Explain(stateOf, !value, facts);
}
