using Autoscaler.Scaling.Model;

namespace Autoscaler.Grains.Services.State;

/// <summary>The engine's memory of a target (<see cref="ScalingHistory"/>) as grain state stores it: what stabilization
/// windows, rate limits, cooldowns and the no-data fallback need to continue after a failover.</summary>
[GenerateSerializer, Immutable, Alias("autoscaler.HistorySnapshot")]
public sealed record HistorySnapshot(
    IReadOnlyList<RecommendationSnapshot>? Recommendations,
    IReadOnlyList<ScaleEventSnapshot>? ScaleEvents,
    int EvaluationsWithoutData = 0,
    DateTimeOffset? LastActiveAt = null)
{
    /// <summary>The engine's history.</summary>
    public ScalingHistory ToHistory() =>
        new(
            Recommendations is null ? [] : Recommendations.Select(r => r.ToTimestampedRecommendation()).ToArray(),
            ScaleEvents is null ? [] : ScaleEvents.Select(e => e.ToScaleEvent()).ToArray())
        {
            EvaluationsWithoutData = EvaluationsWithoutData,
            LastActiveAt = LastActiveAt,
        };

    /// <summary>The stored form of <paramref name="history"/>.</summary>
    public static HistorySnapshot Of(ScalingHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return new(
            history.Recommendations.Select(RecommendationSnapshot.Of).ToArray(),
            history.ScaleEvents.Select(ScaleEventSnapshot.Of).ToArray(),
            history.EvaluationsWithoutData,
            history.LastActiveAt);
    }
}
