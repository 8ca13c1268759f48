using Autoscaler.Grains.Interfaces;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Autoscaler.Grains.Recommendations;

/// <summary>
/// The fleet's cost recommendations as an Orleans shell: the persisted records, the daily recompute timer (the first one
/// soon after a cluster's start), a keep-alive reminder that brings the grain back after its silo is lost, and one short
/// method per interface member. Recomputes interleave with other calls (they take seconds per target); the timer's too. Transitions are <see cref="RecommendationLedger"/>'s; applying is <see cref="RecommendationApplier"/>'s.
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

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var due = store.State.LastRecomputedAt is { } last ? last + settings.RecomputeInterval - clock.GetUtcNow() : settings.FirstRecomputeDelay;
        _timer = this.RegisterGrainTimer(
            static (grain, cancellation) => grain.TickAsync(cancellation), this,
            new GrainTimerCreationOptions { DueTime = due > TimeSpan.Zero ? due : TimeSpan.Zero, Period = settings.RecomputeInterval, Interleave = true, KeepAlive = true });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<RecommendationRecord>> ListAsync(string? target, string? state) =>
        Task.FromResult<IReadOnlyList<RecommendationRecord>>(RecommendationLedger.Select(store.State.Records, target, state));

    public async Task<IReadOnlyList<RecommendationRecord>> RecomputeAsync()
    {
        await RecomputeCoreAsync(CancellationToken.None);
        return RecommendationLedger.Select(store.State.Records, null, RecommendationStates.Open);
    }

    public async Task<RecommendationResult> ApplyAsync(RecommendationAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var record = store.State.Records.Find(r => r.Id == action.Id);
        if (record is null || record.State != RecommendationStates.Open)
        {
            return Refusal(record, action.Id);
        }

        var (outcome, message) = await new RecommendationApplier(GrainFactory).ApplyAsync(record, action);
        if (outcome != RecommendationOutcome.Applied)
        {
            return new RecommendationResult(outcome, message, record);
        }

        return await DecideAsync(action, RecommendationStates.Applied, message);
    }

    public Task<RecommendationResult> DismissAsync(RecommendationAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return DecideAsync(action, RecommendationStates.Dismissed, "dismissed: the same proposal is not raised again");
    }

    public Task<RecommendationSummary?> GetSummaryAsync() => Task.FromResult(store.State.Summary);

    public async Task StartAsync() => await this.RegisterOrUpdateReminder(KeepAliveReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5));

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;

    private async Task<RecommendationResult> DecideAsync(RecommendationAction action, string target, string message)
    {
        var actor = string.IsNullOrWhiteSpace(action.Actor) ? $"recommendation:{action.Id}" : action.Actor;
        var (outcome, record) = RecommendationLedger.Decide(store.State.Records, action.Id, target, actor, action.Reason, clock.GetUtcNow());
        if (outcome is RecommendationOutcome.NotFound or RecommendationOutcome.NotOpen)
        {
            return Refusal(record, action.Id);
        }

        await store.WriteStateAsync();
        return new RecommendationResult(outcome, message, record);
    }

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

    private async Task RecomputeCoreAsync(CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var batch = await source.ProposeAsync(now, cancellation);
        // Interleaved: the records may have been applied or dismissed meanwhile, so the merge reads them only now.
        store.State.Records = RecommendationLedger.Merge(store.State.Records, batch.Records, now, options.Value.HistoryLimit);
        store.State.Summary = batch.Summary ?? store.State.Summary;
        store.State.LastRecomputedAt = now;
        await store.WriteStateAsync();
        _timer?.Change(options.Value.RecomputeInterval, options.Value.RecomputeInterval);
    }

    private static RecommendationResult Refusal(RecommendationRecord? record, string id) => record is null
        ? new RecommendationResult(RecommendationOutcome.NotFound, $"no recommendation '{id}'", null)
        : new RecommendationResult(RecommendationOutcome.NotOpen, $"recommendation '{id}' is {record.State}, not open", record);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recomputing cost recommendations failed; the next period tries again")]
    private static partial void LogRecomputeFailed(ILogger logger, Exception error);
}
