using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Services.Status;
using Autoscaler.Ports.Decisions;

namespace Autoscaler.Grains.Tests.Services.Decisions;

/// <summary>
/// Issue 13, defects 3 and 4: a target does not scale on samples older than its freshness limit (three evaluation
/// intervals by default) and says so; a capacity the actuator reports differently for longer than the drift limit is
/// flagged (status, event, history) and handled by the target's drift action.
/// </summary>
public sealed class FreshnessAndDriftTests
{
    [Fact]
    public async Task After_telemetry_stops_no_scale_out_happens_on_samples_older_than_the_freshness_limit()
    {
        var harness = new ProtocolHarness();
        harness.Load(cpu: 100);

        // The samples are 46 s old at the next evaluation: past three 15 s intervals (45 s), short of the 2 min staleness.
        harness.Clock.Advance(TimeSpan.FromSeconds(46));
        var quiet = await harness.Protocol.EvaluateAsync("timer", scaleOutOnly: false);

        Assert.Equal(DecisionKind.NoChange, quiet.Kind);
        Assert.Equal(2, harness.Target.Current);
        Assert.DoesNotContain(harness.Journal, line => line.StartsWith("apply", StringComparison.Ordinal));
        Assert.Contains(quiet.Explanation, line => line.StartsWith("no fresh data: cpu (newest sample 46 s old)", StringComparison.Ordinal)
            && line.Contains("freshness limit of 45 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_metrics_view_still_shows_samples_past_the_freshness_limit_after_an_evaluation()
    {
        // The limit governs what decisions act on; the metrics view describes what the windows hold (the failover test
        // reads a marker metric's 1 h count long after it was sent).
        var harness = new ProtocolHarness();
        harness.Load(cpu: 100);
        harness.Clock.Advance(TimeSpan.FromSeconds(46));
        await harness.Protocol.EvaluateAsync("timer", scaleOutOnly: false);

        var cpu = TargetStatusView.Metrics(harness.Target, harness.Clock.GetUtcNow()).Single(m => m.Name == "cpu");

        Assert.Equal(2, cpu.Aggregates["count_1h"]);
        Assert.Equal(100, cpu.Aggregates["avg_5m"]);
        Assert.Equal("stale", TargetStatusView.Of(harness.Target, harness.Clock.GetUtcNow()).Status);
    }

    [Fact]
    public async Task A_fresh_sample_within_the_limit_still_scales_and_the_limit_follows_the_definition()
    {
        var harness = new ProtocolHarness();
        harness.Target.Register(harness.Target.Registered with { FreshnessSeconds = 120 }, harness.Clock.GetUtcNow());
        harness.Load(cpu: 100);
        harness.Clock.Advance(TimeSpan.FromSeconds(46));

        var outcome = await harness.Protocol.EvaluateAsync("timer", scaleOutOnly: false);

        Assert.Equal(DecisionKind.Actuated, outcome.Kind);
        Assert.Equal(4, harness.Target.Current);
    }

    [Fact]
    public async Task Stale_data_falls_back_to_the_targets_fallback_rule_and_the_explanation_says_so()
    {
        var harness = new ProtocolHarness();
        harness.Target.Register(
            harness.Target.Registered with { SafetyJson = """{ "fallback": { "failureThreshold": 2, "replicas": 3 } }""" }, harness.Clock.GetUtcNow());
        harness.Load(cpu: 100);
        harness.Clock.Advance(TimeSpan.FromSeconds(50));

        var first = await harness.Protocol.EvaluateAsync("timer", scaleOutOnly: false);
        harness.Clock.Advance(TimeSpan.FromSeconds(15));
        var second = await harness.Protocol.EvaluateAsync("timer", scaleOutOnly: false);

        Assert.Equal(DecisionKind.NoChange, first.Kind);
        Assert.Contains(first.Explanation, line => line.Contains("after 2 such evaluations the fallback sets 3", StringComparison.Ordinal));
        Assert.Equal((DecisionKind.Actuated, 3), (second.Kind, second.To));
        Assert.Contains(harness.Target.RecentDecisions[1].Explanation, line => line.StartsWith("fallback:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_drift_past_the_limit_is_flagged_once_and_adopted_by_default()
    {
        var harness = new ProtocolHarness();
        var drifted = await DriftAsync(harness);

        Assert.Equal((2, 7, "adopted"), (drifted.From, drifted.To, harness.History.Entries.Single(e => e.Kind == DecisionKind.Drifted).Outcome));
        Assert.Equal(7, harness.Target.Current);
        Assert.Single(harness.Events.Published, e => e.Kind == DecisionKind.Drifted);
        Assert.Equal("idle", TargetStatusView.Of(harness.Target, harness.Clock.GetUtcNow()).Status);
        Assert.Contains("report 7", harness.Journal);
    }

    [Fact]
    public async Task A_drift_with_action_reassert_applies_the_capacity_in_effect_again()
    {
        var harness = new ProtocolHarness();
        harness.Target.Register(harness.Target.Registered with { DriftAction = "reassert" }, harness.Clock.GetUtcNow());

        await DriftAsync(harness);

        Assert.Contains("apply svc-1 -> 2", harness.Journal);
        Assert.Equal((2, 2), (harness.Target.Current, harness.Actuator.Capacity));
        Assert.Equal(("drift:reassert", 7, 2), (harness.Target.RecentDecisions[1].Actor, harness.Target.RecentDecisions[1].From, harness.Target.RecentDecisions[1].To));
        Assert.Equal("idle", TargetStatusView.Of(harness.Target, harness.Clock.GetUtcNow()).Status);
    }

    [Fact]
    public async Task A_drift_with_action_none_keeps_the_status_drifted_and_is_flagged_only_once()
    {
        var harness = new ProtocolHarness();
        harness.Target.Register(harness.Target.Registered with { DriftAction = "none", DriftSeconds = 60 }, harness.Clock.GetUtcNow());

        await DriftAsync(harness);
        for (var i = 0; i < 10; i++)
        {
            harness.Clock.Advance(TimeSpan.FromSeconds(15));
            await harness.Protocol.EvaluateAsync("timer", scaleOutOnly: false);
        }

        var status = TargetStatusView.Of(harness.Target, harness.Clock.GetUtcNow());
        Assert.Equal(("drifted", 2, 7, 5), (status.Status, status.Current, status.Observed!.Value, status.Drift!.Value));
        Assert.NotNull(status.DriftSince);
        Assert.Single(harness.Events.Published, e => e.Kind == DecisionKind.Drifted);
        Assert.DoesNotContain(harness.Journal, line => line.StartsWith("apply", StringComparison.Ordinal));
    }

    // Someone scales the service to 7 behind the control plane; quiet timer evaluations every 15 s read it back.
    private static async Task<DecisionRecord> DriftAsync(ProtocolHarness harness)
    {
        harness.Actuator.Capacity = 7;
        var limit = harness.Target.Registered.DriftLimit;
        for (var waited = TimeSpan.Zero; waited <= limit + TimeSpan.FromSeconds(75); waited += TimeSpan.FromSeconds(15))
        {
            harness.Clock.Advance(TimeSpan.FromSeconds(15));
            await harness.Protocol.EvaluateAsync("timer", scaleOutOnly: false);
            if (harness.Target.RecentDecisions.FirstOrDefault(d => d.Kind == DecisionKind.Drifted) is { } drifted)
            {
                return drifted;
            }
        }

        throw new Xunit.Sdk.XunitException("no drift was flagged");
    }
}
