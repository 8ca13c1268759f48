using Autoscaler.Grains.Interfaces;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Autoscaler.Grains.Recommendations;

/// <summary>
/// The fleet's cost recommendations as an Orleans shell: the daily recompute timer (the first one soon after a cluster's
/// start), the fleet's summary, a keep-alive reminder that brings the grain back after its silo is lost, and one short
/// method per interface member. The records themselves live in <see cref="RecommendationShards"/> (a large fleet's would
/// not fit one state or one answer); records kept here by an earlier version are handed to the shards at activation.
/// Recomputes interleave with other calls (they take tens of milliseconds per target); the timer's too. Transitions are
/// <see cref="RecommendationLedger"/>'s; applying is <see cref="RecommendationApplier"/>'s.
/// </summary>
public sealed partial class RecommendationsGrain(
    [PersistentState("recommendations", GrainStorage.Default)] IPersistentState<RecommendationsState> store,
    IRecommendationSource source,
    IOptions<RecommendationsOptions> options,
    TimeProvider clock,
    ILogger<RecommendationsGrain> logger) : Grain, IRecommendationsGrain, IRemindable
{
    private const string KeepAliveReminder = "keep-recomputing";
    private IGrainTimer? _timer;

    private RecommendationShards Shards => new(GrainFactory, this.GetPrimaryKeyString());

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (store.State.Records.Count > 0)
        {
            await Shards.AdoptAsync(store.State.Records);
            store.State.Records = [];
            await store.WriteStateAsync(cancellationToken);
        }

        var settings = options.Value;
        var due = store.State.LastRecomputedAt is { } last ? last + settings.RecomputeInterval - clock.GetUtcNow() : settings.FirstRecomputeDelay;
        _timer = this.RegisterGrainTimer(
            static (grain, cancellation) => grain.TickAsync(cancellation), this,
            new GrainTimerCreationOptions { DueTime = due > TimeSpan.Zero ? due : TimeSpan.Zero, Period = settings.RecomputeInterval, Interleave = true, KeepAlive = true });
    }

    public Task<RecommendationPage> ListAsync(RecommendationQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, RecommendationQuery.MaxLimit);
        return Shards.ListAsync(query);
    }

    public Task<RecommendationRecompute> RecomputeAsync() => RecomputeCoreAsync(CancellationToken.None);

    public async Task<RecommendationResult> ApplyAsync(RecommendationAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var found = await Shards.FindAsync(action.Id);
        if (found is not { Record: { State: RecommendationStates.Open } record, Shard: var shard })
        {
            return Refusal(found?.Record, action.Id);
        }

        var (outcome, message) = await new RecommendationApplier(GrainFactory).ApplyAsync(record, action);
        if (outcome != RecommendationOutcome.Applied)
        {
            return new RecommendationResult(outcome, message, record);
        }

        return await shard.DecideAsync(action, RecommendationStates.Applied, message);
    }

    public async Task<RecommendationResult> DismissAsync(RecommendationAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var found = await Shards.FindAsync(action.Id);
        return found is { Shard: var shard }
            ? await shard.DecideAsync(action, RecommendationStates.Dismissed, "dismissed: the same proposal is not raised again")
            : Refusal(null, action.Id);
    }

    public Task<RecommendationSummary?> GetSummaryAsync() => Task.FromResult(store.State.Summary);

    public async Task StartAsync() => await this.RegisterOrUpdateReminder(KeepAliveReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5));

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;

    private async Task TickAsync(CancellationToken cancellation)
    {
        try
        {
            await RecomputeCoreAsync(cancellation);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The next period tries again; the records stay as they were.
            LogRecomputeFailed(logger, error);
        }
    }

    private async Task<RecommendationRecompute> RecomputeCoreAsync(CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var batch = await source.ProposeAsync(now, cancellation);
        // The shards merge one call at a time each: a record applied or dismissed meanwhile is read as it is then.
        var counts = await Shards.MergeAsync(batch.Records, now, options.Value.HistoryLimit);
        // The summary and the timer change together, with no await between: whoever sees this recompute's summary
        // knows the next one is a full period away.
        store.State.Summary = batch.Summary ?? store.State.Summary;
        store.State.LastRecomputedAt = now;
        _timer?.Change(options.Value.RecomputeInterval, options.Value.RecomputeInterval);
        await store.WriteStateAsync();
        return new RecommendationRecompute(batch.Targets, batch.Skipped, counts.Open, counts.Opened, counts.Superseded, batch.Summary, now);
    }

    internal static RecommendationResult Refusal(RecommendationRecord? record, string id) => record is null
        ? new RecommendationResult(RecommendationOutcome.NotFound, $"no recommendation '{id}'", null)
        : new RecommendationResult(RecommendationOutcome.NotOpen, $"recommendation '{id}' is {record.State}, not open", record);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recomputing cost recommendations failed; the next period tries again")]
    private static partial void LogRecomputeFailed(ILogger logger, Exception error);
}
