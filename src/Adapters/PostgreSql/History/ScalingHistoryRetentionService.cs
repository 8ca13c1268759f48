using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Autoscaler.Adapters.PostgreSql.History;

/// <summary>
/// Keeps the history table tidy: every few hours creates this month's and next month's partitions and drops the months
/// that ended before the retention window (<see cref="PostgreSqlOptions.HistoryRetentionDays"/>).
/// </summary>
public sealed class ScalingHistoryRetentionService(
    NpgsqlScalingHistoryStore store,
    IOptions<PostgreSqlOptions> options,
    TimeProvider clock,
    ILogger<ScalingHistoryRetentionService> logger) : BackgroundService
{
    /// <summary>How often the maintenance runs.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    /// <summary>One maintenance pass at <paramref name="now"/>; returns the number of entries purged.</summary>
    public async Task<long> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await store.EnsurePartitionsAsync(now, monthsAhead: 1, cancellationToken);
        var cutoff = now - TimeSpan.FromDays(options.Value.HistoryRetentionDays);
        var removed = await store.PurgeAsync(cutoff, cancellationToken);
        if (removed > 0)
        {
            logger.LogInformation("Purged {Count} scaling history entries older than {Cutoff:O}", removed, cutoff);
        }

        return removed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await RunOnceAsync(clock.GetUtcNow(), stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // History upkeep must never take the silo down; the next pass retries.
                logger.LogWarning(exception, "Scaling history maintenance failed; retrying in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
