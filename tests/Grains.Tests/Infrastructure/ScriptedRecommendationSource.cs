using System.Threading.Channels;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Recommendations;

namespace Autoscaler.Grains.Tests.Infrastructure;

/// <summary>Proposes what a test sets and reports every call on a channel, so a test waits for a recompute instead of sleeping.</summary>
public sealed class ScriptedRecommendationSource : IRecommendationSource
{
    private readonly Channel<DateTimeOffset> _calls = Channel.CreateUnbounded<DateTimeOffset>();

    /// <summary>What the next recomputes propose.</summary>
    public IReadOnlyList<RecommendationRecord> Proposals { get; set; } = [];

    /// <summary>The times of the recomputes, in order.</summary>
    public ChannelReader<DateTimeOffset> Calls => _calls.Reader;

    public Task<RecommendationBatch> ProposeAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        _calls.Writer.TryWrite(now);
        var proposals = Proposals;
        return Task.FromResult(new RecommendationBatch(
            proposals, new RecommendationSummary(100, proposals.Sum(p => p.MonthlySavings), 40, 0.6, 0.08, 0.1, now), proposals.Select(p => p.Target).Distinct().Count()));
    }
}
