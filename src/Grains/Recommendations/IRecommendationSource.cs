using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Grains.Recommendations;

/// <summary>
/// Where proposals come from: the silo runs the optimiser over every registered target's history. Each returned record
/// is <c>open</c> with a stable id; the grain decides which are new (<see cref="RecommendationLedger.Merge"/>).
/// </summary>
public interface IRecommendationSource
{
    /// <summary>Every target's current proposals and the fleet's summary, computed at <paramref name="now"/>.</summary>
    public Task<RecommendationBatch> ProposeAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
