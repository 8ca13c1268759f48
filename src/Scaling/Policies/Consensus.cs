namespace Autoscaler.Scaling.Policies;

/// <summary>The combination rule (top-level <c>consensus</c> extension: <c>{"rule": "quorum", "quorum": 2}</c>).</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Quorum">Votes needed under <see cref="ConsensusRule.Quorum"/>; ignored otherwise.</param>
public sealed record Consensus(ConsensusRule Rule, int Quorum = 0)
{
    /// <summary>The contract's default rule.</summary>
    public static Consensus Default { get; } = new(ConsensusRule.Default);
}
