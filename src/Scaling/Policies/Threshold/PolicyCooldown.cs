using Autoscaler.Scaling.Explanations;

namespace Autoscaler.Scaling.Policies;

/// <summary>
/// The seed-style cooldown of threshold and weighted-score policies: after any scale event credited to the policy, the
/// policy holds at current (either direction) for <c>cooldownSeconds</c> (seed 001: "minimum time between scaling actions").
/// </summary>
internal static class PolicyCooldown
{
    /// <summary>When the policy last scaled within the cooldown, or null when it may act.</summary>
    public static DateTimeOffset? Running(PolicyContext context, string policy, int cooldownSeconds)
    {
        if (cooldownSeconds <= 0)
        {
            return null;
        }

        var activity = context.ActivityOf(policy, cooldownSeconds);
        return (activity.LastScaleOut, activity.LastScaleIn) switch
        {
            ({ } o, { } i) => o > i ? o : i,
            ({ } o, null) => o,
            (null, { } i) => i,
            _ => null,
        };
    }

    /// <summary>
    /// The vote that holds current during a cooldown; the open line already holds "name: reading", the rest is appended.
    /// </summary>
    public static Proposal Hold(
        ScalingPolicy policy, PolicyContext context, int wanted, DateTimeOffset last, int cooldownSeconds, ExplanationWriter explanation)
    {
        var left = cooldownSeconds - (int)(context.Now - last).TotalSeconds;
        var current = context.Target.Current;
        explanation.Append($" -> {wanted}, but its {cooldownSeconds} s cooldown runs ({left} s left) -> {current}");
        return new Proposal(policy.Name, policy.Type, ProposalStatus.BlockedByCooldown, current);
    }
}
