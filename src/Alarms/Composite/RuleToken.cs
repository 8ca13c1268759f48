namespace Autoscaler.Alarms.Composite;

/// <summary>One token of a composite rule: a word, a quoted name, a parenthesis or the end.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Text">The word or the unquoted name.</param>
/// <param name="Column">Where it starts, 1-based.</param>
internal readonly record struct RuleToken(RuleTokenKind Kind, string Text, int Column)
{
    /// <summary>How the token reads in an error message.</summary>
    public string Shown => Kind switch
    {
        RuleTokenKind.End => "the end of the rule",
        RuleTokenKind.Quoted => $"\"{Text}\"",
        _ => $"'{Text}'",
    };
}
