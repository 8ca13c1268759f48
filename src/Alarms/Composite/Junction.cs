using Autoscaler.Alarms.Model;

namespace Autoscaler.Alarms.Composite;

/// <summary><c>a AND b AND ...</c> (<see cref="IsAnd"/>) or <c>a OR b OR ...</c>.</summary>
/// <param name="IsAnd">True for AND, false for OR.</param>
/// <param name="Operands">Two or more operands, in rule order.</param>
public sealed record Junction(bool IsAnd, IReadOnlyList<RuleNode> Operands) : RuleNode
{
    /// <inheritdoc />
    public override bool Evaluate(Func<string, AlarmState> stateOf)
    {
        for (var i = 0; i < Operands.Count; i++)
        {
            if (Operands[i].Evaluate(stateOf) != IsAnd)
            {
                return !IsAnd;
            }
        }

        return IsAnd;
    }

    internal override void Explain(Func<string, AlarmState> stateOf, bool value, List<string> facts)
    {
        // AND true / OR false need every operand; AND false / OR true need one deciding operand.
        var needsAll = value == IsAnd;
        foreach (var operand in Operands)
        {
            if (operand.Evaluate(stateOf) == value)
            {
                operand.Explain(stateOf, value, facts);
                if (!needsAll)
                {
                    return;
                }
            }
        }
    }
}
