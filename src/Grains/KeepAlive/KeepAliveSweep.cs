using System.Collections.Concurrent;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Placement;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Core.Internal;
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
    /// <summary>Runs one sweep; a touch that fails is counted and logged, and tried again at the next sweep. Targets are
    /// touched through <see cref="IPlacementProbe"/>, which says where each one lives: this silo is the home of every target
    /// in its share (<see cref="TargetHome"/> hashes the same way), so one living elsewhere (placed before this silo joined
    /// or came back) is asked to migrate here, no faster than <see cref="KeepAliveOptions.MigrationsPerSecond"/>.</summary>
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

        var settings = options.Value;
        var targets = (await grains.GetGrain<ITargetDirectoryGrain>(ITargetDirectoryGrain.Key).ListAsync()).Targets.Keys
            .Where(id => SweepPartition.OwnerOf(id, silos) == self)
            .Select(id => grains.GetGrain<IServiceGrain>(id))
            .ToList();
        var alarms = (await grains.GetGrain<IAlarmDirectoryGrain>(IAlarmDirectoryGrain.Key).ListAsync())
            .Where(a => SweepPartition.OwnerOf(a.Name, silos) == self)
            .Select(a => (IKeptAlive)grains.GetGrain<IAlarmGrain>(a.Name))
            .ToList();
        var away = new ConcurrentQueue<IServiceGrain>();
        var failed = await CallPacedAsync(targets, async target =>
        {
            if (!(await target.AsReference<IPlacementProbe>().WhereAsync()).Equals(local.SiloAddress))
            {
                away.Enqueue(target);
            }
        }, settings.BatchSize, settings.TouchesPerSecond, clock, logger, cancellation);
        failed += await TouchAsync(alarms, settings, clock, logger, cancellation);
        if (failed > 0)
        {
            logger.LogWarning("Keep-alive sweep: {Failed} of {Owned} targets and alarms did not answer; the next sweep tries them again", failed, targets.Count + alarms.Count);
        }

        var moved = settings.Rebalance ? await MoveHomeAsync([.. away], settings, cancellation) : 0;
        return new SweepResult(silos.Count, targets.Count + alarms.Count, failed, away.Count, moved);
    }

    /// <summary>Asks each target to migrate on idle (Orleans waits until no request is running, so never in the middle of
    /// a decision; placement picks the destination, this silo), paced; returns how many accepted.</summary>
    private async Task<int> MoveHomeAsync(IReadOnlyList<IServiceGrain> away, KeepAliveOptions settings, CancellationToken cancellation)
    {
        var failed = await CallPacedAsync(
            away,
            target => target.AsReference<IGrainManagementExtension>().MigrateOnIdle().AsTask(),
            Math.Min(settings.BatchSize, settings.MigrationsPerSecond),
            settings.MigrationsPerSecond,
            clock,
            logger,
            cancellation);
        if (away.Count > 0)
        {
            logger.LogInformation("Keep-alive sweep: {Moving} targets living on another silo asked to migrate home, {Failed} failed", away.Count - failed, failed);
        }

        return away.Count - failed;
    }

    /// <summary>Calls <see cref="IKeptAlive.KeepAliveAsync"/> on <paramref name="grains"/> in batches of
    /// <see cref="KeepAliveOptions.BatchSize"/>, spacing batches so no more than <see cref="KeepAliveOptions.TouchesPerSecond"/>
    /// go out per second; returns how many calls failed (each is logged at debug level).</summary>
    internal static Task<int> TouchAsync(
        IReadOnlyList<IKeptAlive> grains, KeepAliveOptions settings, TimeProvider clock, ILogger logger, CancellationToken cancellation) =>
        CallPacedAsync(grains, grain => grain.KeepAliveAsync(), settings.BatchSize, settings.TouchesPerSecond, clock, logger, cancellation);

    /// <summary>Makes <paramref name="call"/> on each item in batches of <paramref name="batchSize"/>, spacing batches so
    /// no more than <paramref name="perSecond"/> go out per second; returns how many failed.</summary>
    internal static async Task<int> CallPacedAsync<T>(
        IReadOnlyList<T> items, Func<T, Task> call, int batchSize, int perSecond, TimeProvider clock, ILogger logger, CancellationToken cancellation)
    {
        var failed = 0;
        var batches = items.Chunk(batchSize).ToList();
        for (var i = 0; i < batches.Count; i++)
        {
            var started = clock.GetTimestamp();
            var done = await Task.WhenAll(batches[i].Select(item => CallOneAsync(item, call, logger)));
            failed += done.Count(ok => !ok);
            var spacing = TimeSpan.FromSeconds(batches[i].Length / (double)perSecond) - clock.GetElapsedTime(started);
            if (i < batches.Count - 1 && spacing > TimeSpan.Zero)
            {
                await Task.Delay(spacing, clock, cancellation);
            }
        }

        return failed;
    }

    private static async Task<bool> CallOneAsync<T>(T item, Func<T, Task> call, ILogger logger)
    {
        try
        {
            await call(item);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogDebug(e, "Keep-alive call to {Grain} failed", item);
            return false;
        }
    }
}
