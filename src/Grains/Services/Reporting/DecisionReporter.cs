using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Monitoring;
using Autoscaler.Ports.Decisions;
using Autoscaler.Ports.Events;
using Autoscaler.Ports.History;
using Autoscaler.Scaling;
using Microsoft.Extensions.Logging;

namespace Autoscaler.Grains.Services.Reporting;

/// <summary>
/// Tells the world what a target decided: history rows, scaling events (NATS, SSE, the SDK's event hub) and each
/// policy's vote when it changes. History goes through the target's outbox (<see cref="LiveTarget.HistoryOutbox"/>): a
/// record is staged before the state write that makes it durable, appended after, and leaves the outbox only once the
/// store has it, so a history outage delays rows but never loses one (the store is idempotent by entry id, so a row
/// appended twice after a crash is stored once). Events are best effort: a failed publish is logged, never retried.
/// </summary>
internal sealed partial class DecisionReporter(
    LiveTarget target, IScalingHistoryStore history, IScalingEventSink events, IDecisionFanout fanout, TimeProvider clock, ControlPlaneMetrics metrics, ILogger logger)
{
    /// <summary>Most rows the outbox holds; a target with a full outbox makes no new decision until rows are stored.</summary>
    public const int OutboxCapacity = 256;

    private readonly Dictionary<string, (string Status, int? Desired)> _lastVotes = new(StringComparer.Ordinal);
    private readonly RepeatedFailures _historyFailures = new();

    /// <summary>True when <paramref name="rows"/> more rows fit in the outbox.</summary>
    public bool HasRoomFor(int rows) => target.HistoryOutbox.Count + rows <= OutboxCapacity;

    /// <summary>
    /// Keeps <paramref name="record"/> among the target's recent decisions with <paramref name="outcome"/> and puts it in
    /// the outbox; the next state write makes it durable. The status (<c>lastDecision.outcome</c>) and the history row
    /// say the same; the record returned is the one kept.
    /// </summary>
    public DecisionRecord Keep(DecisionRecord record, string outcome)
    {
        metrics.Decided(outcome);
        var kept = record with { Outcome = outcome };
        target.Remember(kept);
        target.HistoryOutbox.Add(kept);
        return kept;
    }

    /// <summary>Publishes <paramref name="record"/> as a scaling event, then stores what the outbox holds.</summary>
    public async Task PublishAndStoreAsync(DecisionRecord record)
    {
        await PublishAsync(record);
        await FlushAsync();
    }

    /// <summary>Publishes <paramref name="record"/> as a scaling event (best effort).</summary>
    public async Task PublishAsync(DecisionRecord record)
    {
        try
        {
            await events.PublishAsync(record, CancellationToken.None);
            fanout.PublishToHub(record);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            LogPublishFailed(logger, target.Id, record.EntryId, error.Message);
        }
    }

    /// <summary>
    /// Appends the outbox's rows oldest first, removing each once stored; stops at the first failure (the rest wait for
    /// the next flush). True when the outbox is empty afterwards.
    /// </summary>
    public async Task<bool> FlushAsync()
    {
        while (target.HistoryOutbox.Count > 0)
        {
            var entry = target.HistoryOutbox[0];
            try
            {
                await history.AppendAsync(entry);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                if (_historyFailures.Record(error.Message, clock.GetUtcNow(), out _))
                {
                    LogHistoryFailed(logger, target.Id, entry.EntryId, target.HistoryOutbox.Count, error.Message);
                }

                return false;
            }

            target.HistoryOutbox.Remove(entry);
        }

        if (_historyFailures.Recover(out var failure, out var repeats, out var since))
        {
            LogHistoryRecovered(logger, target.Id, repeats + 1, since, failure);
        }

        return true;
    }

    /// <summary>Hands each policy's vote to its grain when it changed since the last evaluation.</summary>
    public void RecordVotes(ScalingEvaluation evaluation, DateTimeOffset now)
    {
        var proposals = evaluation.Proposals;
        for (var i = 0; i < proposals.Length; i++)
        {
            var proposal = proposals[i];
            var status = proposal.Status.ToString();
            if (_lastVotes.TryGetValue(proposal.Policy, out var last) && last == (status, proposal.Desired))
            {
                continue;
            }

            _lastVotes[proposal.Policy] = (status, proposal.Desired);
            var vote = new PolicyVote(now, status, proposal.Desired, proposal.MetricValue, proposal.Confidence, evaluation.Explanation.LineText(i));
            fanout.RecordVote(target.Id, proposal.Policy, vote);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Target {Target}: event {Entry} could not be published: {Error}")]
    private static partial void LogPublishFailed(ILogger logger, string target, string entry, string error);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Target {Target}: history row {Entry} could not be stored ({Waiting} row(s) kept in the outbox, retried later): {Error}")]
    private static partial void LogHistoryFailed(ILogger logger, string target, string entry, int waiting, string error);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Target {Target}: history rows stored again after {Failures} failed attempt(s) since {Since:O} ({Error})")]
    private static partial void LogHistoryRecovered(ILogger logger, string target, int failures, DateTimeOffset since, string error);
}
