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

    public Task<IReadOnlyList<RecommendationRecord>> ProposeAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        _calls.Writer.TryWrite(now);
        return Task.FromResult(Proposals);
    }
}
