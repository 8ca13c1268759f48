using Autoscaler.Scaling.Explanations;
using Autoscaler.Scaling.Policies;

namespace Autoscaler.Scaling.Tests;

/// <summary>A test policy that proposes a given capacity (or no data): isolates combination and behavior from metric math.</summary>
internal sealed record FixedPolicy(string Name, int? Desired) : ScalingPolicy(Name)
{
    public override string Type => "fixed";

    public ProposalStatus Status { get; init; } = ProposalStatus.Vote;

    public bool MayScaleIn { get; init; } = true;

    public CapacityBounds? Bounds { get; init; }

    public bool Scheduled { get; init; }

    public override bool IsScheduled => Scheduled;

    public override Proposal Propose(PolicyContext context, ExplanationWriter explanation)
    {
        if (Desired is null && Status == ProposalStatus.Vote)
        {
            explanation.Append($"{Name}: no data");
            return Proposal.NoData(this);
        }

        explanation.Append($"{Name}: ");
        if (Desired is { } desired)
        {
            explanation.AppendValue(desired);
        }

        return new Proposal(Name, Type, Status, Desired) { MayScaleIn = MayScaleIn, Bounds = Bounds };
    }
}
