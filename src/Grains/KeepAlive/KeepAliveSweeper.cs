using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Autoscaler.Grains.KeepAlive;

/// <summary>Runs <see cref="KeepAliveSweep"/> on this silo when <see cref="SweepSchedule"/> says: every
/// <see cref="KeepAliveOptions.SweepSeconds"/> (first one period after start) and shortly after the active silos change,
/// on the silo's <see cref="TimeProvider"/>. A failed sweep is logged and the next one runs.</summary>
public sealed class KeepAliveSweeper(
    KeepAliveSweep sweep,
    IClusterMembershipService membership,
    TimeProvider clock,
    IOptions<KeepAliveOptions> options,
    ILogger<KeepAliveSweeper> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var schedule = new SweepSchedule(options.Value, clock);
        var watching = WatchMembershipAsync(schedule, stoppingToken);
        try
        {
            while (true)
            {
                await schedule.NextAsync(stoppingToken);
                try
                {
                    var result = await sweep.RunAsync(stoppingToken);
                    logger.LogDebug("Keep-alive sweep: {Owned} targets and alarms of {Silos} silos' share touched, {Failed} failed, {Moved} of {Away} living elsewhere asked to migrate here", result.Owned, result.Silos, result.Failed, result.Moved, result.Away);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Keep-alive sweep failed; the next one runs in {Seconds} s", options.Value.SweepSeconds);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The silo is stopping.
        }

        await watching;
    }

    private async Task WatchMembershipAsync(SweepSchedule schedule, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
            {
                schedule.Observe(snapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress.ToParsableString()));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The silo is stopping.
        }
    }
}
