using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Monitoring;
using Autoscaler.Ports.Events;
using Autoscaler.Ports.History;
using Autoscaler.Scaling;
using Microsoft.Extensions.Logging;
using Autoscaler.Ports.Decisions;

namespace Autoscaler.Grains.Services.Reporting;

/// <summary>
/// Tells the world what a target decided: history rows, scaling events (NATS, SSE, the SDK's event hub) and each
/// policy's vote when it changes. Losing a report never stops scaling: a failure is logged, not thrown.
/// </summary>
internal sealed partial class DecisionReporter(
    string targetId, IScalingHistoryStore history, IScalingEventSink events, IDecisionFanout fanout, ControlPlaneMetrics metrics, ILogger logger)
{
    private readonly Dictionary<string, (string Status, int? Desired)> _lastVotes = new(StringComparer.Ordinal);

    /// <summary>Appends <paramref name="record"/> to history with <paramref name="outcome"/> and, when asked, publishes it.</summary>
    public async Task ReportAsync(DecisionRecord record, string outcome, bool publish)
    {
        metrics.Decided(outcome);
        try
        {
            await history.AppendAsync(record with { Outcome = outcome });
            if (publish)
            {
                await events.PublishAsync(record, CancellationToken.None);
                fanout.PublishToHub(record);
            }
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            LogRecordFailed(logger, targetId, record.Id, error.Message);
        }
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
            fanout.RecordVote(targetId, proposal.Policy, vote);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Target {Target}: decision {Decision} could not be recorded or published: {Error}")]
    private static partial void LogRecordFailed(ILogger logger, string target, string decision, string error);
}
