using System.Text;

namespace Autoscaler.Alarms.Composite;

/// <summary>Splits a rule into tokens. Words run until white space, a parenthesis or a quote; quoted names take
/// <c>\"</c> and <c>\\</c> escapes.</summary>
internal static class RuleLexer
{
    public static List<RuleToken> Tokenize(string rule, Func<int, string, Exception> error)
    {
        var tokens = new List<RuleToken>();
        var i = 0;
        while (i < rule.Length)
        {
            var c = rule[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')')
            {
                tokens.Add(new RuleToken(c == '(' ? RuleTokenKind.Open : RuleTokenKind.Close, c.ToString(), i + 1));
                i++;
            }
            else if (c == '"')
            {
                tokens.Add(Quoted(rule, ref i, error));
            }
            else if (char.IsControl(c))
            {
                throw error(i + 1, $"control character U+{(int)c:X4} is not allowed");
            }
            else
            {
                var start = i;
                while (i < rule.Length && !char.IsWhiteSpace(rule[i]) && rule[i] is not ('(' or ')' or '"') && !char.IsControl(rule[i]))
                {
                    i++;
                }

                tokens.Add(new RuleToken(RuleTokenKind.Word, rule[start..i], start + 1));
            }
        }

        tokens.Add(new RuleToken(RuleTokenKind.End, string.Empty, rule.Length + 1));
        return tokens;
    }

    private static RuleToken Quoted(string rule, ref int i, Func<int, string, Exception> error)
    {
        var start = i;
        var name = new StringBuilder();
        i++;
        while (i < rule.Length)
        {
            var c = rule[i];
            if (c == '"')
            {
                i++;
                return new RuleToken(RuleTokenKind.Quoted, name.ToString(), start + 1);
            }

            if (c == '\\')
            {
                if (i + 1 >= rule.Length || rule[i + 1] is not ('"' or '\\'))
                {
                    throw error(i + 1, "a backslash in a quoted name must be followed by \" or \\");
                }

                name.Append(rule[i + 1]);
                i += 2;
                continue;
            }

            if (char.IsControl(c))
            {
                throw error(i + 1, $"control character U+{(int)c:X4} is not allowed");
            }

            name.Append(c);
            i++;
        }

        throw error(start + 1, "unterminated quoted name (missing closing \")");
    }
}
