using Autoscaler.Scaling.Combination;
using Autoscaler.Scaling.Explanations;
using Autoscaler.Scaling.Policies;
using Autoscaler.Scaling.Safety;

namespace Autoscaler.Scaling;

/// <summary>The scale-to/from-zero step of an evaluation; null when the policies decide as usual.</summary>
internal static class ZeroScalingStep
{
    /// <summary>KEDA's rules: at zero, activate or stay; inactive past the cooldown, go to zero. Writes the "combined:" line when it decides.</summary>
    public static Outcome? Decide(
        ScaleToZero rule,
        ActivationState activation,
        DateTimeOffset? lastActive,
        DateTimeOffset now,
        int current,
        int min,
        int max,
        ReadOnlySpan<Proposal> proposals,
        PolicySet set,
        bool fallbackActive,
        ExplanationWriter line)
    {
        if (current == 0)
        {
            line.Append("combined: ");
            activation.Describe(line);
            if (activation.Active != true)
            {
                line.Append("; stays at 0");
                return new Outcome(0, 0, 0, null, null);
            }

            // KEDA activates straight to the policies' proposal (at least 1), without the HPA's windows.
            var combined = ProposalCombiner.Combine(proposals, current, set.Consensus, !fallbackActive, summary: null);
            var desired = max == 0 ? 0 : Math.Clamp(Math.Max(1, combined.Desired), Math.Max(min, 1), max);
            line.Append($"; scale from zero to {desired}");
            return new Outcome(desired, desired, desired, null, combined.DrivenBy);
        }

        if (activation.Active == false && lastActive is { } last && (now - last).TotalSeconds >= rule.CooldownSeconds)
        {
            line.Append("combined: ");
            activation.Describe(line);
            line.Append($" for {(now - last).TotalSeconds:0.##} s (cooldown {rule.CooldownSeconds} s); scale to zero");
            return new Outcome(0, 0, 0, null, null);
        }

        return null;
    }
}
