using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Policies;

namespace Autoscaler.Scaling.Combination;

/// <summary>Counts of the proposals relative to current capacity.</summary>
internal readonly record struct Tally(int Voters, int Out, int In, int MayScaleIn, int NoData, int Cooldown, int Suspended, bool NoDataBlocks)
{
    public static Tally Of(ReadOnlySpan<Proposal> proposals, int current, bool noDataBlocks)
    {
        int voters = 0, up = 0, down = 0, mayScaleIn = 0, noData = 0, cooldown = 0, suspended = 0;
        for (var i = 0; i < proposals.Length; i++)
        {
            var proposal = proposals[i];
            if (proposal.Status == ProposalStatus.NoData)
            {
                noData++;
                continue;
            }

            if (!proposal.IsVote)
            {
                continue;
            }

            voters++;
            cooldown += proposal.Status == ProposalStatus.BlockedByCooldown ? 1 : 0;
            suspended += proposal.Status == ProposalStatus.Suspended ? 1 : 0;
            if (proposal.Desired > current)
            {
                up++;
            }

            if (proposal.MayScaleIn)
            {
                mayScaleIn++;
                down += proposal.Desired < current ? 1 : 0;
            }
        }

        return new Tally(voters, up, down, mayScaleIn, noData, cooldown, suspended, noDataBlocks);
    }

    /// <summary>Why capacity stays, when something held a wanted change back.</summary>
    public LimitReason? HeldBy(bool wantedIn)
    {
        if (wantedIn && NoData > 0 && NoDataBlocks)
        {
            return LimitReason.NoData;
        }

        if (Cooldown > 0)
        {
            return LimitReason.Cooldown;
        }

        return Suspended > 0 ? LimitReason.Suspended : null;
    }
}
