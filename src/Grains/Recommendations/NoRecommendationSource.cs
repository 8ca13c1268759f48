using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Grains.Recommendations;

/// <summary>The source of a host without the optimiser (the silo replaces it): it proposes nothing.</summary>
internal sealed class NoRecommendationSource : IRecommendationSource
{
    /// <inheritdoc />
    public Task<RecommendationBatch> ProposeAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(new RecommendationBatch([], null));
}
