using Autoscaler.Alarms.Composite;
using Autoscaler.Alarms.Model;
using Autoscaler.Scaling.Validation;
using CsCheck;

namespace Autoscaler.Alarms.Tests;

/// <summary>The parser fuzzed: arbitrary text never crashes it (a rule or an input error naming a column), and generated
/// rules evaluate as a reference evaluator over the same tree does.</summary>
public sealed class CompositeFuzzTests
{
    private static readonly string[] Pieces = ["ALARM", "OK", "INSUFFICIENT_DATA", "TRUE", "FALSE", "AND", "OR", "NOT", "(", ")", "\"", "\\", " ", "A", "b c", "and", "\t", "ALARM(A)", "é", "\u0001"];

    [Fact]
    public void Arbitrary_text_is_a_rule_or_an_error_naming_a_column() =>
        Gen.OneOf(Gen.String, Gen.OneOf(Pieces).Array[0, 30].Select(p => string.Concat(p))).Sample(text =>
        {
            try
            {
                var rule = RuleParser.Parse(text);
                _ = rule.Evaluate(_ => AlarmState.Alarm);
                return true;
            }
            catch (ScalingInputException error)
            {
                var message = Assert.Single(error.Errors);
                return message.Path == "rule" && (message.Message.StartsWith("column ", StringComparison.Ordinal) || message.Message.StartsWith("must", StringComparison.Ordinal));
            }
        }, iter: 20_000);

    private sealed record Expr(string Text, Func<IReadOnlyDictionary<string, AlarmState>, bool> Value);

    private static Gen<Expr> Expression(int depth)
    {
        var leaf = Gen.OneOf(
            Gen.OneOf(("ALARM", AlarmState.Alarm), ("OK", AlarmState.Ok), ("INSUFFICIENT_DATA", AlarmState.InsufficientData))
                .SelectMany(f => Gen.OneOf("A", "B", "C", "D").Select(n => new Expr($"{f.Item1}({n})", s => s[n] == f.Item2))),
            Gen.Bool.Select(b => new Expr(b ? "TRUE" : "FALSE", _ => b)));
        if (depth == 0)
        {
            return leaf;
        }

        var sub = Expression(depth - 1);
        return Gen.Frequency<Expr>(
            (2, leaf),
            (1, sub.Select(e => new Expr($"NOT {e.Text}", s => !e.Value(s)))),
            (1, sub.Select(e => new Expr($"({e.Text})", e.Value))),
            (2, Gen.Select(sub, sub, Gen.Bool).Select(t => new Expr(
                $"({t.Item1.Text} {(t.Item3 ? "AND" : "OR")} {t.Item2.Text})",
                s => t.Item3 ? t.Item1.Value(s) && t.Item2.Value(s) : t.Item1.Value(s) || t.Item2.Value(s)))));
    }

    [Fact]
    public void Generated_rules_evaluate_like_the_reference() =>
        Gen.Select(Expression(4), Gen.Enum<AlarmState>().Array[4]).Sample(t =>
        {
            var states = new Dictionary<string, AlarmState> { ["A"] = t.Item2[0], ["B"] = t.Item2[1], ["C"] = t.Item2[2], ["D"] = t.Item2[3] };
            var parsed = RuleParser.Parse(t.Item1.Text);
            return parsed.Evaluate(n => states[n]) == (t.Item1.Value(states) ? AlarmState.Alarm : AlarmState.Ok);
        }, iter: 5_000);
}
