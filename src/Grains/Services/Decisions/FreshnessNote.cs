using System.Globalization;
using Autoscaler.Scaling;
using Autoscaler.Scaling.Policies;

namespace Autoscaler.Grains.Services.Decisions;

/// <summary>
/// The explanation line of an evaluation in which a policy had no data because its metric went stale (no sample within
/// the target's freshness limit): which metrics, how old their newest sample is, and what happens instead.
/// </summary>
internal static class FreshnessNote
{
    /// <summary>The line, or null when no policy lacked data or no metric is stale.</summary>
    public static string? For(LiveTarget target, ScalingEvaluation evaluation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(target);
        var noData = false;
        foreach (var proposal in evaluation.Proposals)
        {
            noData |= proposal.Status == ProposalStatus.NoData;
        }

        if (!noData || target.Windows.Freshness is not { } limit)
        {
            return null;
        }

        var stale = string.Join(", ", target.Windows.Stale(now).Select(s => s.Latest is { } latest
            ? $"{s.Metric} (newest sample {Seconds(now - latest)} s old)"
            : s.Metric));
        if (stale.Length == 0)
        {
            return null;
        }

        var fallback = target.PolicySet?.Fallback is { } rule
            ? $"; after {rule.FailureThreshold} such evaluations the fallback sets {rule.Replicas}"
            : string.Empty;
        return $"no fresh data: {stale}; samples older than the freshness limit of {Seconds(limit)} s are not acted on, "
            + $"so these policies have no data: no scale-out, and no scale-in while any policy lacks data{fallback}";
    }

    private static string Seconds(TimeSpan span) => Math.Round(span.TotalSeconds).ToString(CultureInfo.InvariantCulture);
}
