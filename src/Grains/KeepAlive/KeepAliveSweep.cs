using Autoscaler.Grains.Interfaces;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Autoscaler.Grains.KeepAlive;

/// <summary>
/// One sweep on one silo: lists the registered targets and alarms, keeps the share <see cref="SweepPartition"/> gives this
/// silo among the active ones, and calls <see cref="IKeptAlive.KeepAliveAsync"/> on each, in batches no faster than
/// <see cref="KeepAliveOptions.TouchesPerSecond"/>. A call to an active grain is one message; a grain whose silo was
/// lost is activated again (placement picks the silo), which restarts its evaluation timer. This replaces one reminder
/// (and one reminder row in PostgreSQL) per target and per alarm.
/// </summary>
public sealed class KeepAliveSweep(
    IGrainFactory grains,
    IClusterMembershipService membership,
    ILocalSiloDetails local,
    TimeProvider clock,
    IOptions<KeepAliveOptions> options,
    ILogger<KeepAliveSweep> logger)
{
    /// <summary>Runs one sweep; a touch that fails is counted and logged, and tried again at the next sweep.</summary>
    public async Task<SweepResult> RunAsync(CancellationToken cancellation)
    {
        var silos = membership.CurrentSnapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active)
            .Select(m => m.SiloAddress.ToParsableString())
            .ToList();
        var self = local.SiloAddress.ToParsableString();
        if (!silos.Contains(self))
        {
            return new SweepResult(0, 0, 0);
        }

        var targets = (await grains.GetGrain<ITargetDirectoryGrain>(ITargetDirectoryGrain.Key).ListAsync()).Targets.Keys
            .Where(id => SweepPartition.OwnerOf(id, silos) == self)
            .Select(id => (IKeptAlive)grains.GetGrain<IServiceGrain>(id));
        var alarms = (await grains.GetGrain<IAlarmDirectoryGrain>(IAlarmDirectoryGrain.Key).ListAsync())
            .Where(a => SweepPartition.OwnerOf(a.Name, silos) == self)
            .Select(a => (IKeptAlive)grains.GetGrain<IAlarmGrain>(a.Name));
        var mine = targets.Concat(alarms).ToList();
        var failed = 0;
        var settings = options.Value;
        var batches = mine.Chunk(settings.BatchSize).ToList();
        for (var i = 0; i < batches.Count; i++)
        {
            var started = clock.GetTimestamp();
            var touched = await Task.WhenAll(batches[i].Select(TouchAsync));
            failed += touched.Count(ok => !ok);
            var spacing = TimeSpan.FromSeconds(batches[i].Length / (double)settings.TouchesPerSecond) - clock.GetElapsedTime(started);
            if (i < batches.Count - 1 && spacing > TimeSpan.Zero)
            {
                await Task.Delay(spacing, clock, cancellation);
            }
        }

        if (failed > 0)
        {
            logger.LogWarning("Keep-alive sweep: {Failed} of {Owned} targets and alarms did not answer; the next sweep tries them again", failed, mine.Count);
        }

        return new SweepResult(silos.Count, mine.Count, failed);
    }

    private async Task<bool> TouchAsync(IKeptAlive grain)
    {
        try
        {
            await grain.KeepAliveAsync();
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogDebug(e, "Keep-alive touch of {Grain} failed", grain.GetGrainId());
            return false;
        }
    }
}
