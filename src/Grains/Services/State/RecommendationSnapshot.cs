using Autoscaler.Scaling.Model;

namespace Autoscaler.Grains.Services.State;

/// <summary>One past replica recommendation (for stabilization windows) as grain state stores it.</summary>
[GenerateSerializer, Immutable, Alias("autoscaler.RecommendationSnapshot")]
public sealed record RecommendationSnapshot(DateTimeOffset At, int Replicas)
{
    /// <summary>The engine's timestamped recommendation.</summary>
    public TimestampedRecommendation ToTimestampedRecommendation() => new(At, Replicas);

    /// <summary>The stored form of <paramref name="recommendation"/>.</summary>
    public static RecommendationSnapshot Of(TimestampedRecommendation recommendation) => new(recommendation.At, recommendation.Replicas);
}
