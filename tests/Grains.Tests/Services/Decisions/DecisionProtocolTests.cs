using Autoscaler.Grains.Interfaces;
using Autoscaler.Ports.Actuation;
using Autoscaler.Ports.Events;
using Autoscaler.Ports.History;
using Autoscaler.Ports.Decisions;

namespace Autoscaler.Grains.Tests.Services.Decisions;

/// <summary>
/// The decision protocol's rules, pinned without a cluster: a decision is durable before the actuator sees it; an
/// applied one moves capacity and clears the write-ahead record; a failed one keeps the last good capacity and says so
/// twice (failed, rolled back); a decision found written ahead after a failover is settled by reading the actuator back,
/// never decided anew; what may not be actuated never reaches the actuator.
/// </summary>
public sealed class DecisionProtocolTests
{
    [Fact]
    public async Task A_decision_is_written_ahead_before_the_actuator_sees_it_and_its_outcome_is_written_after()
    {
        var harness = new ProtocolHarness();
        harness.Load(cpu: 100);

        var outcome = await harness.Protocol.EvaluateAsync("fast-path", scaleOutOnly: true);

        Assert.Equal(DecisionKind.Actuated, outcome.Kind);
        Assert.Equal(
            ["approve 2->4", "write pending=svc-1 current=2 outbox=svc-1/pending", "apply svc-1 -> 4",
                "write pending=none current=4 outbox=svc-1/succeeded", "report 4", "write windows"],
            harness.Journal);
        Assert.Equal("svc-1", harness.Actuator.PendingWhenApplied);
        Assert.Equal(4, harness.Target.Current);
        Assert.Null(harness.Target.Pending);
        Assert.Equal(["svc-1:actuated", "svc-1"], harness.Target.RecentDecisions.Select(d => d.EntryId));
        Assert.Equal([("svc-1", "pending"), ("svc-1:actuated", "succeeded")], harness.History.Entries.Select(e => (e.EntryId, e.Outcome!)));
        Assert.Equal([DecisionKind.Decision, DecisionKind.Actuated], harness.Events.Published.Select(e => e.Kind));
        Assert.Contains(harness.Target.History.ScaleEvents, e => e.Change == 2 && e.Policy == "cpu");
    }

    [Fact]
    public async Task The_actuator_is_called_before_the_decision_is_published_or_its_history_row_stored()
    {
        // Publishing and storing run until their first wait before returning: started first, a slow first publish or a
        // first history connection sat between the write-ahead and the actuator call (the first reaction after start).
        var harness = new ProtocolHarness();
        harness.Load(cpu: 100);
        (int Published, int Stored)? seen = null;
        harness.Actuator.WhenCalled = () => seen = (harness.Events.Published.Count, harness.History.Entries.Count);

        var outcome = await harness.Protocol.EvaluateAsync("fast-path", scaleOutOnly: true);

        Assert.Equal(DecisionKind.Actuated, outcome.Kind);
        Assert.Equal((0, 0), seen);
        Assert.Equal([("svc-1", "pending"), ("svc-1:actuated", "succeeded")], harness.History.Entries.Select(e => (e.EntryId, e.Outcome!)));
        Assert.Equal([DecisionKind.Decision, DecisionKind.Actuated], harness.Events.Published.Select(e => e.Kind));
    }

    [Fact]
    public async Task A_scale_out_the_host_had_room_for_only_in_part_is_recorded_as_limited_by_HostCapacity()
    {
        var harness = new ProtocolHarness();
        harness.Load(cpu: 100);
        harness.Actuator.HostRoomUpTo = 3;

        var outcome = await harness.Protocol.EvaluateAsync("fast-path", scaleOutOnly: true);

        Assert.Equal(DecisionKind.Actuated, outcome.Kind);
        Assert.Equal((2, 3, "HostCapacity"), (outcome.From, outcome.To, outcome.LimitedBy));
        Assert.Equal("host capacity: scaled to 3 instead of 4", outcome.Explanation[^1]);
        Assert.Equal(3, harness.Target.Current);
        Assert.Contains(harness.Target.History.ScaleEvents, e => e.Change == 1);
        var published = harness.Events.Published[^1];
        Assert.Equal((DecisionKind.Actuated, "HostCapacity", 3), (published.Kind, published.LimitedBy, published.To));
        Assert.Equal(("svc-1:actuated", "succeeded"), (harness.History.Entries[^1].EntryId, harness.History.Entries[^1].Outcome!));
    }

    [Fact]
    public async Task A_decision_whose_write_ahead_fails_never_reaches_the_actuator()
    {
        var harness = new ProtocolHarness();
        harness.Load(cpu: 100);
        harness.Store.FailNextWrite = new IOException("storage is down");

        await Assert.ThrowsAsync<IOException>(() => harness.Protocol.EvaluateAsync("fast-path", scaleOutOnly: true));

        Assert.DoesNotContain(harness.Journal, line => line.StartsWith("apply", StringComparison.Ordinal));
        Assert.Equal(2, harness.Actuator.Capacity);
        Assert.Equal(2, harness.Target.Current);
    }

    [Fact]
    public async Task A_failed_actuation_keeps_the_last_good_capacity_and_records_failed_then_rolled_back()
    {
        var harness = new ProtocolHarness();
        harness.Load(cpu: 100);
        harness.Actuator.FailWith = ScaleTargetErrorKind.Throttled;

        var outcome = await harness.Protocol.EvaluateAsync("timer", scaleOutOnly: false);

        Assert.Equal(DecisionKind.Failed, outcome.Kind);
        Assert.Equal(2, harness.Target.Current);
        Assert.Equal(1, harness.Target.ConsecutiveFailures);
        Assert.Null(harness.Target.Pending);
        Assert.Equal(["rolled-back", "failed", "decision"], harness.Target.RecentDecisions.Select(d => DecisionKinds.Name(d.Kind)));
        var rolledBack = harness.Target.RecentDecisions[0];
        Assert.Equal((2, 2), (rolledBack.From, rolledBack.To));
        Assert.Equal(["actuator simulated: Throttled after 2 attempt(s): refused", "kept the last good capacity 2"], rolledBack.Explanation);
        Assert.Equal(["pending", "failed", "rolled-back"], harness.History.Entries.Select(e => e.Outcome!));
        Assert.Equal(
            [DecisionKind.Decision, DecisionKind.Failed, DecisionKind.RolledBack], harness.Events.Published.Select(e => e.Kind));
        Assert.Empty(harness.Target.History.ScaleEvents);
        Assert.Equal("write pending=none current=2 outbox=svc-1/failed,svc-1/rolled-back", harness.Journal[harness.Journal.IndexOf("apply svc-1 -> 4") + 1]);
    }

    [Fact]
    public async Task After_a_failover_a_pending_decision_the_actuator_applied_is_completed_not_decided_again()
    {
        var harness = new ProtocolHarness();
        var pending = new DecisionRecord("svc-7", "svc", harness.Clock.GetUtcNow(), DecisionKind.Decision, 2, 5, "policy:cpu", false, null, ["cpu: -> 5"], "timer");
        harness.Target.Pending = pending;
        harness.Target.DecisionSequence = 7;
        harness.Actuator.Capacity = 5;
        harness.Clock.Advance(TimeSpan.FromSeconds(8));

        await harness.Protocol.ResolvePendingAsync(pending, CancellationToken.None);

        Assert.Equal(["read 5", "write pending=none current=5 outbox=svc-7/succeeded", "report 5", "write windows"], harness.Journal);
        Assert.Equal(5, harness.Target.Current);
        Assert.Equal(7, harness.Target.DecisionSequence);
        Assert.Equal(("svc-7", DecisionKind.Actuated, 8000d), (harness.Target.RecentDecisions[0].Id, harness.Target.RecentDecisions[0].Kind, harness.Target.RecentDecisions[0].DurationMs));
        Assert.Contains(harness.Target.History.ScaleEvents, e => e.Change == 3 && e.Policy == "cpu" && e.At == pending.At);
    }

    [Fact]
    public async Task After_a_failover_a_pending_decision_the_actuator_did_not_apply_is_rolled_back()
    {
        var harness = new ProtocolHarness();
        var pending = new DecisionRecord("svc-7", "svc", harness.Clock.GetUtcNow(), DecisionKind.Decision, 2, 5, "policy:cpu", false, null, ["cpu: -> 5"], "timer");
        harness.Target.Pending = pending;

        await harness.Protocol.ResolvePendingAsync(pending, CancellationToken.None);

        Assert.Equal(2, harness.Target.Current);
        Assert.Equal(["rolled-back", "failed"], harness.Target.RecentDecisions.Select(d => DecisionKinds.Name(d.Kind)));
        Assert.Contains(harness.Target.RecentDecisions[1].Explanation, line => line.Contains("not applied before the silo was lost", StringComparison.Ordinal));
        Assert.DoesNotContain(harness.Journal, line => line.StartsWith("apply", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_scale_out_the_supervisor_trims_to_nothing_is_recorded_but_neither_actuated_nor_published()
    {
        var harness = new ProtocolHarness();
        harness.Load(cpu: 100);
        harness.Supervisor.Decide = request => new ScaleApproval(request.Current, "TotalCapacity", BudgetStatus.Ok, "no headroom", true, false);

        var decided = await harness.Protocol.EvaluateAsync("timer", scaleOutOnly: false);

        Assert.Equal((DecisionKind.Decision, 2, 2, "TotalCapacity"), (decided.Kind, decided.From, decided.To, decided.LimitedBy));
        Assert.Equal("supervisor: no headroom", decided.Explanation[^1]);
        Assert.DoesNotContain(harness.Journal, line => line.StartsWith("apply", StringComparison.Ordinal));
        Assert.Equal(["trimmed"], harness.History.Entries.Select(e => e.Outcome!));
        Assert.Empty(harness.Events.Published);
    }

    [Fact]
    public async Task A_dry_run_decision_is_published_and_recorded_but_never_actuated()
    {
        var harness = new ProtocolHarness();
        harness.Load(cpu: 100);
        harness.Supervisor.Decide = request => new ScaleApproval(request.Requested, null, BudgetStatus.Ok, "approved", true, DryRun: true);

        var decided = await harness.Protocol.EvaluateAsync("timer", scaleOutOnly: false);

        Assert.True(decided.DryRun);
        Assert.Equal("not applied: dry-run", decided.Explanation[^1]);
        Assert.Equal(2, harness.Target.Current);
        Assert.DoesNotContain(harness.Journal, line => line.StartsWith("apply", StringComparison.Ordinal));
        Assert.Equal(["not-actuated"], harness.History.Entries.Select(e => e.Outcome!));
        Assert.Single(harness.Events.Published, e => e.Kind == DecisionKind.Decision && e.DryRun);
    }

    [Fact]
    public async Task A_fast_path_that_would_scale_in_changes_nothing_and_writes_nothing()
    {
        var harness = new ProtocolHarness(current: 4);
        harness.Load(cpu: 5, instances: 4);
        var before = harness.Target.History;

        var quiet = await harness.Protocol.EvaluateAsync("fast-path", scaleOutOnly: true);

        Assert.Equal((DecisionKind.NoChange, 4, 4), (quiet.Kind, quiet.From, quiet.To));
        Assert.Empty(harness.Journal);
        Assert.Same(before, harness.Target.History);
        Assert.Empty(harness.History.Entries);
    }

    [Fact]
    public async Task Decision_numbers_follow_on_from_the_stored_sequence()
    {
        var harness = new ProtocolHarness();
        harness.Target.DecisionSequence = 41;
        harness.Load(cpu: 100);

        var outcome = await harness.Protocol.EvaluateAsync("fast-path", scaleOutOnly: true);

        Assert.Equal("svc-42", outcome.Id);
        Assert.Equal(42, harness.Target.DecisionSequence);
        Assert.All(harness.History.Entries, e => Assert.Equal("svc-42", e.Id));
        Assert.Equal(DecisionKind.Actuated, harness.History.Entries[^1].Kind);
    }
}
