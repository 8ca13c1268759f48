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
        var failed = await TouchAsync(mine, options.Value, clock, logger, cancellation);
        if (failed > 0)
        {
            logger.LogWarning("Keep-alive sweep: {Failed} of {Owned} targets and alarms did not answer; the next sweep tries them again", failed, mine.Count);
        }

        return new SweepResult(silos.Count, mine.Count, failed);
    }

    /// <summary>Calls <see cref="IKeptAlive.KeepAliveAsync"/> on <paramref name="grains"/> in batches of
    /// <see cref="KeepAliveOptions.BatchSize"/>, spacing batches so no more than <see cref="KeepAliveOptions.TouchesPerSecond"/>
    /// go out per second; returns how many calls failed (each is logged at debug level).</summary>
    internal static async Task<int> TouchAsync(
        IReadOnlyList<IKeptAlive> grains, KeepAliveOptions settings, TimeProvider clock, ILogger logger, CancellationToken cancellation)
    {
        var failed = 0;
        var batches = grains.Chunk(settings.BatchSize).ToList();
        for (var i = 0; i < batches.Count; i++)
        {
            var started = clock.GetTimestamp();
            var touched = await Task.WhenAll(batches[i].Select(grain => TouchOneAsync(grain, logger)));
            failed += touched.Count(ok => !ok);
            var spacing = TimeSpan.FromSeconds(batches[i].Length / (double)settings.TouchesPerSecond) - clock.GetElapsedTime(started);
            if (i < batches.Count - 1 && spacing > TimeSpan.Zero)
            {
                await Task.Delay(spacing, clock, cancellation);
            }
        }

        return failed;
    }

    private static async Task<bool> TouchOneAsync(IKeptAlive grain, ILogger logger)
    {
        try
        {
            await grain.KeepAliveAsync();
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogDebug(e, "Keep-alive touch of {Grain} failed", grain);
            return false;
        }
    }
}
