using Autoscaler.Scaling.Explanations;
using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Policies;

namespace Autoscaler.Scaling.Combination;

/// <summary>
/// Turns the proposals into one recommendation. A proposal that <see cref="Proposal.IsVote"/> is a vote; NoData is an
/// objection to scale-in; other statuses abstain.
/// </summary>
public static class ProposalCombiner
{
    /// <summary>Combines under <paramref name="consensus"/>; appends the summary to <paramref name="summary"/> when given.</summary>
    /// <param name="proposals">The proposals.</param>
    /// <param name="current">Current capacity.</param>
    /// <param name="consensus">The rule.</param>
    /// <param name="noDataBlocksScaleIn">False while a fallback stands in for the policies without data.</param>
    /// <param name="summary">Where the readable summary goes; null when the caller explains the outcome itself.</param>
    public static CombinedProposal Combine(
        ReadOnlySpan<Proposal> proposals, int current, Consensus consensus, bool noDataBlocksScaleIn, ExplanationWriter? summary)
    {
        ArgumentNullException.ThrowIfNull(consensus);
        var tally = Tally.Of(proposals, current, noDataBlocksScaleIn);
        if (tally.Voters == 0)
        {
            var reason = tally.NoData > 0 ? "no policy has data" : "no policy votes";
            summary?.Append($"{reason}, stay at {current}");
            return new CombinedProposal(current, null, tally.HeldBy(wantedIn: false));
        }

        var rule = consensus.Rule;
        if (tally.Out > 0 && Wins(rule, consensus.Quorum, tally.Out, tally.Voters))
        {
            var (desired, policy) = Largest(proposals, current, outward: true);
            summary?.Append($"scale out to the largest proposal, {desired}");
            DescribeRule(summary, rule, tally.Out, tally.Voters);
            return new CombinedProposal(desired, policy, null);
        }

        var inElectorate = tally.MayScaleIn + (noDataBlocksScaleIn ? tally.NoData : 0);
        var inWins = rule == ConsensusRule.Default
            ? tally.In > 0 && tally.In == inElectorate
            : tally.In > 0 && Wins(rule, consensus.Quorum, tally.In, inElectorate);
        if (inWins)
        {
            var (desired, policy) = Largest(proposals, current, outward: false);
            summary?.Append($"scale in to the largest proposal, {desired}");
            if (rule == ConsensusRule.Default)
            {
                summary?.Append(" (every policy that may scale in agrees)");
            }
            else
            {
                DescribeRule(summary, rule, tally.In, inElectorate);
            }

            return new CombinedProposal(desired, policy, null);
        }

        var held = tally.HeldBy(wantedIn: tally.In > 0);
        if (summary is not null)
        {
            summary.Append($"stay at {current}");
            if (tally.Out > 0)
            {
                summary.Append($"; {tally.Out} of {tally.Voters} want out, short of {RuleName(rule)} consensus");
            }

            summary.Append(held switch
            {
                LimitReason.NoData => "; scale-in needs data from every policy",
                LimitReason.Cooldown => "; a policy's cooldown holds scale-in",
                LimitReason.Suspended => "; dynamic scaling is suspended",
                _ => tally.In > 0 ? "; not every policy agrees to scale in" : string.Empty,
            });
        }

        return new CombinedProposal(current, null, held);
    }

    private static bool Wins(ConsensusRule rule, int quorum, int votes, int electorate) => rule switch
    {
        ConsensusRule.Majority => votes * 2 > electorate,
        ConsensusRule.Unanimous => votes == electorate,
        ConsensusRule.Quorum => votes >= quorum,
        _ => votes > 0,
    };

    private static void DescribeRule(ExplanationWriter? summary, ConsensusRule rule, int votes, int electorate)
    {
        if (rule != ConsensusRule.Default)
        {
            summary?.Append($" ({RuleName(rule)}: {votes} of {electorate})");
        }
    }

    private static string RuleName(ConsensusRule rule) => rule switch
    {
        ConsensusRule.Majority => "majority",
        ConsensusRule.Unanimous => "unanimous",
        ConsensusRule.Quorum => "quorum",
        _ => "default",
    };

    private static (int Desired, string? Policy) Largest(ReadOnlySpan<Proposal> proposals, int current, bool outward)
    {
        var best = int.MinValue;
        string? policy = null;
        for (var i = 0; i < proposals.Length; i++)
        {
            var proposal = proposals[i];
            var include = proposal.IsVote
                && (outward ? proposal.Desired > current : proposal.MayScaleIn && proposal.Desired < current);
            if (include && proposal.Desired!.Value > best)
            {
                best = proposal.Desired.Value;
                policy = proposal.Policy;
            }
        }

        return (best, policy);
    }
}
