using Autoscaler.Scaling.Policies;

namespace Autoscaler.Scaling.Combination;

/// <summary>
/// Turns the proposals into one recommendation. A proposal with a <see cref="PolicyProposal.Desired"/> and status Vote,
/// BlockedByCooldown or Suspended is a vote; NoData is an objection to scale-in; other statuses abstain.
/// </summary>
public static class ProposalCombiner
{
    /// <summary>Combines under <paramref name="consensus"/>.</summary>
    /// <param name="proposals">The proposals.</param>
    /// <param name="current">Current capacity.</param>
    /// <param name="consensus">The rule.</param>
    /// <param name="noDataBlocksScaleIn">False while a fallback stands in for the policies without data.</param>
    public static CombinedProposal Combine(IReadOnlyList<PolicyProposal> proposals, int current, Consensus consensus, bool noDataBlocksScaleIn)
    {
        var tally = Tally.Of(proposals, current, noDataBlocksScaleIn);
        if (tally.Voters == 0)
        {
            return new CombinedProposal(current, null, tally.HeldBy(wantedIn: false), tally.NoData > 0
                ? $"no policy has data, stay at {current}"
                : $"no policy votes, stay at {current}");
        }

        var rule = consensus.Rule;
        if (tally.Out > 0 && Wins(rule, consensus.Quorum, tally.Out, tally.Voters))
        {
            var (desired, policy) = Largest(proposals, current, outward: true);
            return new CombinedProposal(desired, policy, null, $"scale out to the largest proposal, {desired}{RuleNote(rule, tally.Out, tally.Voters)}");
        }

        var inElectorate = tally.MayScaleIn + (noDataBlocksScaleIn ? tally.NoData : 0);
        var inWins = rule == ConsensusRule.Default
            ? tally.In > 0 && tally.In == inElectorate
            : tally.In > 0 && Wins(rule, consensus.Quorum, tally.In, inElectorate);
        if (inWins)
        {
            var (desired, policy) = Largest(proposals, current, outward: false);
            var agreement = rule == ConsensusRule.Default ? " (every policy that may scale in agrees)" : RuleNote(rule, tally.In, inElectorate);
            return new CombinedProposal(desired, policy, null, $"scale in to the largest proposal, {desired}{agreement}");
        }

        var held = tally.HeldBy(wantedIn: tally.In > 0);
        var why = held switch
        {
            LimitReason.NoData => "; scale-in needs data from every policy",
            LimitReason.Cooldown => "; a policy's cooldown holds scale-in",
            LimitReason.Suspended => "; dynamic scaling is suspended",
            _ => tally.In > 0 ? "; not every policy agrees to scale in" : string.Empty,
        };
        if (tally.Out > 0)
        {
            why = $"; {tally.Out} of {tally.Voters} want out, short of {rule.ToString().ToLowerInvariant()} consensus{why}";
        }

        return new CombinedProposal(current, null, held, $"stay at {current}{why}");
    }

    private static bool Wins(ConsensusRule rule, int quorum, int votes, int electorate) => rule switch
    {
        ConsensusRule.Majority => votes * 2 > electorate,
        ConsensusRule.Unanimous => votes == electorate,
        ConsensusRule.Quorum => votes >= quorum,
        _ => votes > 0,
    };

    private static string RuleNote(ConsensusRule rule, int votes, int electorate) => rule switch
    {
        ConsensusRule.Default => string.Empty,
        _ => $" ({rule.ToString().ToLowerInvariant()}: {votes} of {electorate})",
    };

    private static (int Desired, string? Policy) Largest(IReadOnlyList<PolicyProposal> proposals, int current, bool outward)
    {
        var best = int.MinValue;
        string? policy = null;
        for (var i = 0; i < proposals.Count; i++)
        {
            var proposal = proposals[i];
            var include = IsVote(proposal)
                && (outward ? proposal.Desired > current : proposal.MayScaleIn && proposal.Desired < current);
            if (include && proposal.Desired!.Value > best)
            {
                best = proposal.Desired.Value;
                policy = proposal.Policy;
            }
        }

        return (best, policy);
    }

    /// <summary>True when the proposal counts as a vote.</summary>
    public static bool IsVote(PolicyProposal proposal) =>
        proposal.Desired is not null
        && proposal.Status is ProposalStatus.Vote or ProposalStatus.BlockedByCooldown or ProposalStatus.Suspended;
}
