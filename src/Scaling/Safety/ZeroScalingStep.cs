using Autoscaler.Scaling.Combination;
using Autoscaler.Scaling.Policies;

namespace Autoscaler.Scaling.Safety;

/// <summary>The scale-to/from-zero step of an evaluation; null when the policies decide as usual.</summary>
internal static class ZeroScalingStep
{
    /// <summary>KEDA's rules: at zero, activate or stay; inactive past the cooldown, go to zero.</summary>
    public static Outcome? Decide(
        ScaleToZero rule,
        bool? active,
        string detail,
        DateTimeOffset? lastActive,
        DateTimeOffset now,
        int current,
        int min,
        int max,
        List<PolicyProposal> proposals,
        PolicySet set,
        bool fallbackActive)
    {
        if (current == 0)
        {
            if (active != true)
            {
                return new Outcome(0, 0, 0, null, null, $"combined: {detail}; stays at 0");
            }

            // KEDA activates straight to the policies' proposal (at least 1), without the HPA's windows.
            var combined = ProposalCombiner.Combine(proposals, current, set.Consensus, !fallbackActive);
            var desired = max == 0 ? 0 : Math.Clamp(Math.Max(1, combined.Desired), Math.Max(min, 1), max);
            return new Outcome(desired, desired, desired, null, combined.DrivenBy, $"combined: {detail}; scale from zero to {desired}");
        }

        if (active == false && lastActive is { } last && (now - last).TotalSeconds >= rule.CooldownSeconds)
        {
            return new Outcome(0, 0, 0, null, null,
                $"combined: {detail} for {Text.Number((now - last).TotalSeconds)} s (cooldown {rule.CooldownSeconds} s); scale to zero");
        }

        return null;
    }
}
