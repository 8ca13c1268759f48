namespace Autoscaler.Scaling.Model;

/// <summary>
/// What the engine needs to remember between evaluations. The engine is pure: the caller (a grain, the simulator) keeps
/// this and passes it back in; the decision's <c>NextHistory</c> is the updated value once the decision is applied.
/// </summary>
/// <param name="Recommendations">Recent unstabilized recommendations (stabilization windows).</param>
/// <param name="ScaleEvents">Recent applied changes (rate limits, per-policy cooldowns).</param>
public sealed record ScalingHistory(IReadOnlyList<TimestampedRecommendation> Recommendations, IReadOnlyList<ScaleEvent> ScaleEvents)
{
    /// <summary>History with no recommendations and no events (not the same as "seen for the first time").</summary>
    public static ScalingHistory Empty { get; } = new([], []);

    /// <summary>Consecutive evaluations, before this one, in which some policy had no data (for the fallback).</summary>
    public int EvaluationsWithoutData { get; init; }

    /// <summary>When a scale-to-zero activation metric was last above its threshold; null when unknown.</summary>
    public DateTimeOffset? LastActiveAt { get; init; }
}
