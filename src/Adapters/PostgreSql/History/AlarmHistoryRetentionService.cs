using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Autoscaler.Adapters.PostgreSql.History;

/// <summary>Every few hours deletes alarm history older than <see cref="PostgreSqlOptions.AlarmHistoryRetentionDays"/>.</summary>
public sealed class AlarmHistoryRetentionService(
    NpgsqlAlarmHistoryStore store,
    IOptions<PostgreSqlOptions> options,
    TimeProvider clock,
    ILogger<AlarmHistoryRetentionService> logger) : BackgroundService
{
    /// <summary>One pass at <paramref name="now"/>; returns the number of entries deleted.</summary>
    public async Task<long> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var cutoff = now - TimeSpan.FromDays(options.Value.AlarmHistoryRetentionDays);
        var removed = await store.PurgeAsync(cutoff, cancellationToken);
        if (removed > 0)
        {
            logger.LogInformation("Purged {Count} alarm history entries older than {Cutoff:O}", removed, cutoff);
        }

        return removed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(ScalingHistoryRetentionService.Interval, clock);
        do
        {
            try
            {
                await RunOnceAsync(clock.GetUtcNow(), stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // History upkeep must never take the silo down; the next pass retries.
                logger.LogWarning(exception, "Alarm history maintenance failed; retrying in {Interval}", ScalingHistoryRetentionService.Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
