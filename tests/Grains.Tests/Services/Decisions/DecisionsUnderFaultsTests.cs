using Autoscaler.Grains.Services;
using Autoscaler.Grains.Services.State;
using Autoscaler.Ports.Actuation;
using Autoscaler.Ports.Decisions;

namespace Autoscaler.Grains.Tests.Services.Decisions;

/// <summary>
/// Issue 13, defects 1, 2 and 12 — the decision protocol when its dependencies fail: a history outage never loses a row
/// nor lets a decision reach the actuator before its record is durable; a storage outage never consumes decision
/// numbers; a failing actuator is not hammered.
/// </summary>
public sealed class DecisionsUnderFaultsTests
{
    [Fact]
    public async Task A_history_outage_keeps_the_rows_in_the_state_written_ahead_and_stores_them_once_history_is_back()
    {
        var harness = new ProtocolHarness();
        harness.Load(cpu: 100);
        harness.History.Failing = new IOException("57P01: terminating connection due to administrator command");

        var outcome = await harness.Protocol.EvaluateAsync("fast-path", scaleOutOnly: true);

        // The decision's row was durable (in the outbox of the state written ahead) before the actuator saw it.
        Assert.Equal(DecisionKind.Actuated, outcome.Kind);
        var applied = harness.Journal.IndexOf("apply svc-1 -> 4");
        Assert.Equal("write pending=svc-1 current=2 outbox=svc-1/pending", harness.Journal[applied - 1]);
        Assert.Equal("write pending=none current=4 outbox=svc-1/pending,svc-1/succeeded", harness.Journal[applied + 1]);
        Assert.Empty(harness.History.Entries);

        // A crash now loses nothing: the outbox is in the stored state.
        var reloaded = new LiveTarget("svc");
        ServiceStateMapping.Restore(reloaded, harness.Store.LastWritten!, new ServiceWindowsState());
        Assert.Equal(["svc-1", "svc-1:actuated"], reloaded.HistoryOutbox.Select(r => r.EntryId));

        // While history stays down, retries back off; once it is back, the rows are stored in order and leave the outbox.
        await harness.Upkeep.FlushHistoryIfDueAsync(harness.Clock.GetUtcNow(), harness.Reporter);
        Assert.Equal(2, harness.Target.HistoryOutbox.Count);
        harness.History.Failing = null;
        await harness.Upkeep.FlushHistoryIfDueAsync(harness.Clock.GetUtcNow(), harness.Reporter);
        Assert.Equal(2, harness.Target.HistoryOutbox.Count);
        harness.Clock.Advance(TimeSpan.FromSeconds(3));
        await harness.Upkeep.FlushHistoryIfDueAsync(harness.Clock.GetUtcNow(), harness.Reporter);

        Assert.Equal([("svc-1", "pending"), ("svc-1:actuated", "succeeded")], harness.History.Entries.Select(e => (e.EntryId, e.Outcome!)));
        Assert.Empty(harness.Target.HistoryOutbox);
    }

    [Fact]
    public async Task A_full_outbox_stops_new_decisions_instead_of_dropping_rows()
    {
        var harness = new ProtocolHarness();
        harness.History.Failing = new IOException("history store down");
        var filler = new DecisionRecord("svc-0", "svc", harness.Clock.GetUtcNow(), DecisionKind.Decision, 2, 2, "engine", false, null, []);
        for (var i = harness.Target.HistoryOutbox.Count; i < Autoscaler.Grains.Services.Reporting.DecisionReporter.OutboxCapacity; i++)
        {
            harness.Reporter.Keep(filler with { Id = $"svc-old-{i}" }, "trimmed");
        }

        harness.Load(cpu: 100);
        var held = await harness.Protocol.EvaluateAsync("timer", scaleOutOnly: false);

        Assert.Equal(DecisionKind.NoChange, held.Kind);
        Assert.StartsWith("not decided:", held.Explanation[^1], StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Journal, line => line.StartsWith("apply", StringComparison.Ordinal));
        Assert.Equal(0, harness.Target.DecisionSequence);
    }

    [Fact]
    public async Task A_decision_whose_state_write_fails_is_undone_and_the_next_one_takes_its_number()
    {
        var harness = new ProtocolHarness();
        harness.Load(cpu: 100);
        harness.Store.Failing = new IOException("storage is down");

        // Three fast paths and a timer tick during the outage: none decides, none throws at the telemetry pipeline.
        for (var i = 0; i < 3; i++)
        {
            await harness.Protocol.OnTelemetryAsync();
            harness.Clock.Advance(TimeSpan.FromSeconds(1));
            harness.Load(cpu: 100);
        }

        await harness.Protocol.OnTimerAsync();

        Assert.Equal(0, harness.Target.DecisionSequence);
        Assert.Null(harness.Target.Pending);
        Assert.Empty(harness.Target.RecentDecisions);
        Assert.Empty(harness.Target.HistoryOutbox);
        Assert.DoesNotContain(harness.Journal, line => line.StartsWith("apply", StringComparison.Ordinal));

        harness.Store.Failing = null;
        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        var outcome = await harness.Protocol.EvaluateAsync("fast-path", scaleOutOnly: true);

        Assert.Equal("svc-1", outcome.Id);
        Assert.Equal(["svc-1", "svc-1:actuated"], harness.History.Entries.Select(e => e.EntryId));
    }

    [Fact]
    public async Task A_failing_actuator_is_tried_with_growing_pauses_not_on_every_fast_path_and_a_success_ends_the_backoff()
    {
        var harness = new ProtocolHarness();
        harness.Actuator.FailWith = ScaleTargetErrorKind.Transient;

        // A minute of breaching telemetry every second, with the timer every 15 s: before, a decision (and its failed
        // actuation) every second.
        for (var second = 0; second < 60; second++)
        {
            harness.Load(cpu: 100);
            await harness.Protocol.OnTelemetryAsync();
            if (second % 15 == 14)
            {
                await harness.Protocol.OnTimerAsync();
            }

            harness.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var attempts = harness.Journal.Count(line => line.StartsWith("apply", StringComparison.Ordinal));
        Assert.InRange(attempts, 3, 5); // 0 s, ~5 s, ~15 s, ~35 s (±20 % jitter)
        Assert.True(harness.Target.ConsecutiveFailures >= 3);
        var next = Assert.IsType<DateTimeOffset>(harness.Target.NextAttemptAt);
        Assert.True(next > harness.Clock.GetUtcNow() - TimeSpan.FromSeconds(1));
        var failed = harness.Target.RecentDecisions.First(d => d.Kind == DecisionKind.Failed);
        Assert.Contains("the next attempt waits until", failed.Explanation[^1], StringComparison.Ordinal);
        var status = Autoscaler.Grains.Services.Status.TargetStatusView.Of(harness.Target, harness.Clock.GetUtcNow());
        Assert.Equal(("failing", next), (status.Status, status.NextAttemptAt!.Value));

        // An operator's evaluate-now tries at once; its success ends the backoff.
        harness.Actuator.FailWith = null;
        harness.Load(cpu: 100);
        var outcome = await harness.Protocol.EvaluateAsync("api", scaleOutOnly: false);

        Assert.Equal(DecisionKind.Actuated, outcome.Kind);
        Assert.Equal((0, (DateTimeOffset?)null), (harness.Target.ConsecutiveFailures, harness.Target.NextAttemptAt));
    }

    [Fact]
    public async Task While_backing_off_a_timer_evaluation_says_why_it_does_not_decide()
    {
        var harness = new ProtocolHarness();
        harness.Actuator.FailWith = ScaleTargetErrorKind.Transient;
        harness.Load(cpu: 100);
        await harness.Protocol.EvaluateAsync("timer", scaleOutOnly: false);
        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        harness.Load(cpu: 100);

        var held = await harness.Protocol.EvaluateAsync("timer", scaleOutOnly: false);

        Assert.Equal(DecisionKind.NoChange, held.Kind);
        Assert.Contains("the actuator failed 1 time(s) in a row; next attempt after", held.Explanation[^1], StringComparison.Ordinal);
        Assert.Equal(1, harness.Journal.Count(line => line.StartsWith("apply", StringComparison.Ordinal)));
    }
}
