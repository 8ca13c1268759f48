using Autoscaler.Ports.History;
using Autoscaler.Ports.Decisions;

namespace Autoscaler.Memory.Benchmarks;

/// <summary>A history store that keeps nothing (production's is PostgreSQL, outside the silo's heap).</summary>
internal sealed class DiscardingHistoryStore : IScalingHistoryStore
{
    private long _appended;

    /// <summary>Entries handed to the store.</summary>
    public long Appended => Interlocked.Read(ref _appended);

    public Task<bool> AppendAsync(DecisionRecord entry, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _appended);
        return Task.FromResult(true);
    }

    public Task<ScalingHistoryPage> QueryAsync(ScalingHistoryQuery query, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ScalingHistoryPage([], null));

    public Task<long> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default) => Task.FromResult(0L);
}
