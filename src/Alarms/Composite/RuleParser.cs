using Autoscaler.Alarms.Model;
using Autoscaler.Scaling.Validation;

namespace Autoscaler.Alarms.Composite;

/// <summary>
/// Parses CloudWatch's composite alarm rule language: <c>ALARM(name)</c>, <c>OK(name)</c>,
/// <c>INSUFFICIENT_DATA(name)</c>, <c>TRUE</c>, <c>FALSE</c>, <c>NOT</c>, <c>AND</c>, <c>OR</c> and parentheses; names
/// bare or double-quoted. Precedence: NOT binds tightest, then AND, then OR. Keywords are upper case. Every error names
/// the rule's field and a 1-based column: <c>rule: column 27: expected ')' to close '(' at column 7, found 'AND'</c>.
/// </summary>
public static class RuleParser
{
    /// <summary>The longest rule accepted (CloudWatch's limit).</summary>
    public const int MaxLength = 10_240;

    /// <summary>The deepest nesting accepted.</summary>
    public const int MaxDepth = 100;

    private static readonly string[] Keywords = ["ALARM", "OK", "INSUFFICIENT_DATA", "TRUE", "FALSE", "AND", "OR", "NOT"];

    /// <summary>Parses <paramref name="rule"/>; errors are <see cref="ScalingInputException"/>s at <paramref name="path"/>.</summary>
    public static CompositeRule Parse(string rule, string path = "rule")
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (string.IsNullOrWhiteSpace(rule))
        {
            throw new ScalingInputException(path, "must not be empty");
        }

        if (rule.Length > MaxLength)
        {
            throw new ScalingInputException(path, $"must be at most {MaxLength} characters, not {rule.Length}");
        }

        Exception Error(int column, string message) => new ScalingInputException(path, $"column {column}: {message}");
        var parser = new Parser(RuleLexer.Tokenize(rule, Error), Error);
        var root = parser.Expression(0);
        var next = parser.Peek;
        if (next.Kind != RuleTokenKind.End)
        {
            throw next.Kind == RuleTokenKind.Close ? Error(next.Column, "')' has no matching '('")
                : next.Kind == RuleTokenKind.Word && next.Text is { } word && word != word.ToUpperInvariant() && Keywords.Contains(word.ToUpperInvariant())
                    ? Error(next.Column, $"'{word}' must be written in upper case ({word.ToUpperInvariant()})")
                    : Error(next.Column, $"expected AND, OR or the end of the rule, found {next.Shown}");
        }

        return new CompositeRule(rule, root, parser.Alarms);
    }

    private sealed class Parser(List<RuleToken> tokens, Func<int, string, Exception> error)
    {
        private readonly List<(string Name, int Column)> _alarms = [];
        private int _position;

        public IReadOnlyList<(string Name, int Column)> Alarms => _alarms;

        public RuleToken Peek => tokens[_position];

        // expression := term ('OR' term)*
        public RuleNode Expression(int depth) => Junction(depth, isAnd: false);

        private RuleNode Junction(int depth, bool isAnd)
        {
            var keyword = isAnd ? "AND" : "OR";
            var operands = new List<RuleNode> { isAnd ? Unary(depth) : Junction(depth, isAnd: true) };
            while (IsWord(Peek, keyword))
            {
                _position++;
                operands.Add(isAnd ? Unary(depth) : Junction(depth, isAnd: true));
            }

            return operands.Count == 1 ? operands[0] : new Junction(isAnd, operands);
        }

        // unary := 'NOT' unary | primary
        private RuleNode Unary(int depth)
        {
            if (depth > MaxDepth)
            {
                throw error(Peek.Column, $"the rule nests deeper than {MaxDepth} levels");
            }

            if (IsWord(Peek, "NOT"))
            {
                _position++;
                return new Not(Unary(depth + 1));
            }

            return Primary(depth);
        }

        private RuleNode Primary(int depth)
        {
            var token = tokens[_position++];
            switch (token.Kind)
            {
                case RuleTokenKind.Open:
                    var inner = Expression(depth + 1);
                    var close = tokens[_position];
                    if (close.Kind != RuleTokenKind.Close)
                    {
                        throw error(close.Column, $"expected ')' to close '(' at column {token.Column}, found {close.Shown}");
                    }

                    _position++;
                    return inner;
                case RuleTokenKind.Word when token.Text == "TRUE":
                    return new Literal(true);
                case RuleTokenKind.Word when token.Text == "FALSE":
                    return new Literal(false);
                case RuleTokenKind.Word when StateOf(token.Text) is { } state:
                    return Test(state, token);
                case RuleTokenKind.Word when Keywords.FirstOrDefault(k => string.Equals(k, token.Text, StringComparison.OrdinalIgnoreCase)) is { } keyword:
                    throw error(token.Column, $"'{token.Text}' must be written in upper case ({keyword})");
                case RuleTokenKind.End:
                    throw error(token.Column, "the rule ends where ALARM(name), OK(name), INSUFFICIENT_DATA(name), TRUE, FALSE, NOT or '(' is expected");
                default:
                    throw error(token.Column, $"expected ALARM(name), OK(name), INSUFFICIENT_DATA(name), TRUE, FALSE, NOT or '(', found {token.Shown}");
            }
        }

        private StateTest Test(AlarmState state, RuleToken function)
        {
            var open = tokens[_position];
            if (open.Kind != RuleTokenKind.Open)
            {
                throw error(open.Column, $"expected '(' after {function.Text}, found {open.Shown}");
            }

            var name = tokens[_position + 1];
            if (name.Kind is not (RuleTokenKind.Word or RuleTokenKind.Quoted))
            {
                throw error(name.Column, $"expected an alarm name after {function.Text}(, found {name.Shown}");
            }

            if (name.Text.Length == 0)
            {
                throw error(name.Column, "an alarm name must not be empty");
            }

            var close = tokens[_position + 2];
            if (close.Kind != RuleTokenKind.Close)
            {
                throw error(close.Column, $"expected ')' after the alarm name {name.Shown}, found {close.Shown} (quote names that contain spaces)");
            }

            _position += 3;
            if (!_alarms.Exists(a => a.Name == name.Text))
            {
                _alarms.Add((name.Text, name.Column));
            }

            return new StateTest(state, name.Text, name.Column);
        }

        private static AlarmState? StateOf(string word) => word switch
        {
            "ALARM" => AlarmState.Alarm,
            "OK" => AlarmState.Ok,
            "INSUFFICIENT_DATA" => AlarmState.InsufficientData,
            _ => null,
        };

        private static bool IsWord(RuleToken token, string word) => token.Kind == RuleTokenKind.Word && token.Text == word;
    }
}
