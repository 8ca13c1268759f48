namespace Autoscaler.Alarms.Composite;

/// <summary>Kinds of <see cref="RuleToken"/>.</summary>
internal enum RuleTokenKind
{
    Word,
    Quoted,
    Open,
    Close,
    End,
}
