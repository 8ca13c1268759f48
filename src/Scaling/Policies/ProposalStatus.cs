namespace Autoscaler.Scaling.Policies;

/// <summary>Why a policy proposed what it did.</summary>
public enum ProposalStatus
{
    /// <summary>The policy votes for <see cref="PolicyProposal.Desired"/> (which may equal current: "stay").</summary>
    Vote,

    /// <summary>The policy's metric is absent or has no usable sample: it blocks scale-in, not scale-out.</summary>
    NoData,

    /// <summary>The metric matched no step or rule: no vote, and no objection to what the others decide.</summary>
    NoMatchingStep,

    /// <summary>The policy wants to scale in but its cooldown runs: it votes current, which holds scale-in back.</summary>
    BlockedByCooldown,

    /// <summary>The policy is not in effect now (a schedule outside its window): no vote.</summary>
    Inactive,

    /// <summary>The policy computed a forecast but only reports it (predictive "forecast only" mode): no vote.</summary>
    ForecastOnly,

    /// <summary>The policy's kind of scaling is suspended for the target: no vote.</summary>
    Suspended,
}
