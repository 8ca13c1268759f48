namespace Autoscaler.Scaling.Policies;

/// <summary>How several policies' proposals become one direction.</summary>
public enum ConsensusRule
{
    /// <summary>Kubernetes/AWS: out if any policy wants out; in only if every policy that may scale in wants in.</summary>
    Default,

    /// <summary>A direction wins when more than half of the policies with data (or objections) want it.</summary>
    Majority,

    /// <summary>A direction wins only when every policy with data wants it.</summary>
    Unanimous,

    /// <summary>A direction wins when at least <see cref="Consensus.Quorum"/> policies want it.</summary>
    Quorum,
}
