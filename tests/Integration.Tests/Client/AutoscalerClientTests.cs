using Autoscaler.Grains.Interfaces;
using static Autoscaler.Integration.Tests.Client.SdkTargets;
using Autoscaler.Ports.Decisions;

namespace Autoscaler.Integration.Tests.Client;

/// <summary>The SDK against a real silo process on PostgreSQL: what an application registering itself would do.</summary>
public sealed class AutoscalerClientTests(SdkClusterFixture fixture) : IClassFixture<SdkClusterFixture>
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_breach_reported_through_the_sdk_scales_out_visibly_in_status_and_in_the_event_subscription()
    {
        var sdk = fixture.Autoscaler;
        var id = NewId();
        await sdk.RegisterTargetAsync(Simulated(id));
        await sdk.SetPolicyAsync(id, CpuAverage);
        var actuated = new TaskCompletionSource<DecisionRecord>(TaskCreationOptions.RunContinuationsAsynchronously);
        var seen = new List<DecisionRecord>();
        await using (await sdk.SubscribeAsync(id, record =>
                     {
                         lock (seen)
                         {
                             seen.Add(record);
                         }

                         if (record.Kind == DecisionKind.Actuated)
                         {
                             actuated.TrySetResult(record);
                         }

                         return Task.CompletedTask;
                     }))
        {
            await sdk.ReportTelemetryAsync(id, [Cpu("agent-a", 100), Cpu("agent-b", 100)]);

            var scaled = await actuated.Task.WaitAsync(EventTimeout);
            Assert.Equal(id, scaled.Target);
            Assert.Equal((2, 4), (scaled.From, scaled.To));
            Assert.Equal("policy:cpu", scaled.Actor);
        }

        var status = await sdk.GetStatusAsync(id);
        Assert.Equal(4, status.Current);
        Assert.Equal(["cpu"], status.Policies);
        Assert.Equal(DecisionKind.Actuated, status.LastDecision!.Kind);
        Assert.Contains(await sdk.GetRecentDecisionsAsync(id, 10), d => d.Kind == DecisionKind.Actuated && d.To == 4);
        Assert.All(seen, record => Assert.Equal(id, record.Target));
        Assert.Equal("cpu", Assert.Single(await sdk.GetPoliciesAsync(id)).Name);

        await sdk.RemoveTargetAsync(id);

        Assert.Null((await sdk.GetStatusAsync(id)).Definition);
        Assert.DoesNotContain(id, (await sdk.ListTargetsAsync()).Keys);
    }

    [Fact]
    public async Task The_sdk_exports_a_targets_trace_as_the_same_simulate_input_the_api_gives()
    {
        var sdk = fixture.Autoscaler;
        var id = NewId();
        await sdk.RegisterTargetAsync(Simulated(id));
        await sdk.SetPolicyAsync(id, CpuAverage);
        var from = DateTimeOffset.UtcNow.AddHours(-1);

        TargetTrace trace = null!;
        for (var attempt = 0; attempt < 50 && (trace is null || TargetTraceJson.Simulable(trace).Count == 0); attempt++)
        {
            await sdk.ReportTelemetryAsync(id, [Cpu("agent-a", 30), Cpu("agent-b", 30)]);
            await Task.Delay(100);
            trace = await sdk.GetTraceAsync(id, from, DateTimeOffset.UtcNow.AddHours(1));
        }

        var cpu = Assert.Single(TargetTraceJson.Simulable(trace));
        Assert.Equal(("cpu", (double?)50), (cpu.Metric, cpu.PerInstance));
        Assert.Equal(2, (int)trace.Capacity[0].Value);
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            TargetTraceJson.Write(writer, trace);
        }

        Assert.True(Autoscaler.Scaling.Json.ScalingDocuments.ReadSimulation(buffer.ToArray()).IsDemandMode);
        await sdk.RemoveTargetAsync(id);
    }

    [Fact]
    public async Task A_subscription_to_all_targets_sees_a_manual_scale_and_the_override_keeps_reason_and_client_name()
    {
        var sdk = fixture.Autoscaler;
        var id = NewId();
        await sdk.RegisterTargetAsync(Simulated(id));
        Assert.Contains(id, (await sdk.ListTargetsAsync()).Keys);
        var manual = new TaskCompletionSource<DecisionRecord>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (await sdk.SubscribeAsync(null, record =>
                     {
                         if (record.Target == id && record.To == 6)
                         {
                             manual.TrySetResult(record);
                         }

                         return Task.CompletedTask;
                     }))
        {
            var decision = await sdk.ScaleAsync(id, 6, "load test at 14:00", DateTimeOffset.UtcNow.AddMinutes(30));
            Assert.Equal(6, decision.To);

            var published = await manual.Task.WaitAsync(EventTimeout);
            Assert.StartsWith("manual", published.Actor, StringComparison.Ordinal);
        }

        var status = await sdk.GetStatusAsync(id);
        Assert.Equal(6, status.Current);
        Assert.Equal(("load test at 14:00", "sdk-tests"), (status.Override!.Reason, status.Override.Actor));
        await sdk.RemoveTargetAsync(id);
    }

    [Fact]
    public async Task Updating_an_unknown_target_is_refused_and_an_invalid_policy_names_its_field()
    {
        var sdk = fixture.Autoscaler;
        var id = NewId();

        await Assert.ThrowsAsync<KeyNotFoundException>(() => sdk.UpdateTargetAsync(Simulated(id)));
        await sdk.RegisterTargetAsync(Simulated(id));
        var updated = await sdk.UpdateTargetAsync(Simulated(id) with { Max = 20 });
        var invalid = await Assert.ThrowsAsync<ArgumentException>(() => sdk.SetPolicyAsync(id,
            new PolicyDefinition("cpu", """{ "name": "cpu", "type": "targetTracking", "metric": "cpu", "target": { "type": "AverageValue" } }""")));

        Assert.Equal(20, updated.Definition!.Max);
        Assert.StartsWith("policy.target.value", invalid.Message, StringComparison.Ordinal);
        await sdk.RemovePolicyAsync(id, "cpu");
        await sdk.RemoveTargetAsync(id);
    }

    [Fact]
    public async Task A_size_change_through_the_sdk_is_applied_read_back_and_published_as_a_resized_event()
    {
        var sdk = fixture.Autoscaler;
        var id = NewId();
        await sdk.RegisterTargetAsync(Simulated(id));
        var resized = new TaskCompletionSource<DecisionRecord>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (await sdk.SubscribeAsync(id, record =>
                     {
                         if (record.Kind == DecisionKind.Resized)
                         {
                             resized.TrySetResult(record);
                         }

                         return Task.CompletedTask;
                     }))
        {
            var dryRun = await sdk.ChangeSizeAsync(id, new SizeChangeRequest(1, 2, "sdk", "check first", DryRun: true));
            var applied = await sdk.ChangeSizeAsync(id, new SizeChangeRequest(1, 2, "sdk", "right-size"));
            var invalid = await sdk.ChangeSizeAsync(id, new SizeChangeRequest(1, 2, "sdk", " "));

            Assert.Equal(SizeChangeOutcome.DryRun, dryRun.Outcome);
            Assert.Equal(SizeChangeOutcome.Applied, applied.Outcome);
            Assert.Equal(SizeChangeOutcome.Invalid, invalid.Outcome);
            Assert.StartsWith("reason:", invalid.Message, StringComparison.Ordinal);
            Assert.Equal(new TargetSizeView(1, 2, "applied", applied.Size.ChangedAt, "sdk"), await sdk.GetSizeAsync(id));
            var published = await resized.Task.WaitAsync(EventTimeout);
            Assert.Equal(id, published.Target);
        }

        await sdk.RemoveTargetAsync(id);
    }

    [Fact]
    public async Task The_scope_switch_is_read_and_written_through_the_supervisor()
    {
        var sdk = fixture.Autoscaler;
        var scope = "sdk-scope-" + Guid.NewGuid().ToString("N")[..6];
        var id = NewId();
        await sdk.RegisterTargetAsync(Simulated(id, scope));

        var disabled = await sdk.SetEnabledAsync(false, scope);
        var read = await sdk.GetSupervisorStatusAsync(scope);
        var enabled = await sdk.SetEnabledAsync(true, scope);

        Assert.False(disabled.Settings.Enabled);
        Assert.False(read.Settings.Enabled);
        Assert.Equal(scope, read.Scope);
        Assert.True(enabled.Settings.Enabled);
        await sdk.RemoveTargetAsync(id);
    }

    [Fact]
    public async Task Alarms_are_defined_set_muted_read_in_history_and_deleted_through_the_sdk()
    {
        var sdk = fixture.Autoscaler;
        var id = NewId();
        await sdk.RegisterTargetAsync(Simulated(id));
        var name = $"{id}-cpu";
        var definition = $$"""
            { "name": "{{name}}", "target": "{{id}}", "metric": "cpu", "periodSeconds": 60, "evaluationPeriods": 2, "threshold": 90,
              "comparison": "GreaterThanThreshold", "treatMissingData": "ignore" }
            """;

        var created = await sdk.PutAlarmAsync(name, definition);
        var set = await sdk.SetAlarmStateAsync(name, "ALARM", "sdk test");
        var muted = await sdk.MuteAlarmAsync(name, DateTimeOffset.UtcNow.AddHours(1), "maintenance");
        var history = await sdk.GetAlarmHistoryAsync(name);
        var invalid = await Assert.ThrowsAsync<ArgumentException>(() => sdk.PutAlarmAsync(name, definition.Replace("\"threshold\": 90", "\"threshold\": \"x\"", StringComparison.Ordinal)));

        Assert.Equal("INSUFFICIENT_DATA", created.State);
        Assert.Equal("ALARM", set.State);
        Assert.True(muted.Muted);
        Assert.Contains(await sdk.ListAlarmsAsync(), a => a.Name == name && a.Target == id);
        Assert.Equal(("INSUFFICIENT_DATA", "ALARM"), (history.Entries[0].From, history.Entries[0].To));
        Assert.StartsWith("threshold:", invalid.Message, StringComparison.Ordinal);
        await sdk.DeleteAlarmAsync(name);
        Assert.Null(await sdk.GetAlarmAsync(name));
    }

    [Fact]
    public async Task Cost_recommendations_are_recomputed_listed_applied_and_refused_twice_through_the_sdk()
    {
        var sdk = fixture.Autoscaler;
        var id = NewId();
        await sdk.RegisterTargetAsync(Simulated(id));
        await sdk.SetPolicyAsync(id, CpuAverage);
        await sdk.ReportTelemetryAsync(id, [Cpu("agent-a", 40), Cpu("agent-b", 40)]);
        // The hourly history takes the samples as the grain evaluates them; bounded, each round a real call.
        for (var attempt = 0; attempt < 200 && TargetTraceJson.Simulable(await sdk.GetTraceAsync(id, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddHours(1))).Count == 0; attempt++)
        {
            await Task.Delay(100);
        }

        var recompute = await sdk.RecomputeCostRecommendationsAsync();
        Assert.True(recompute.Targets >= 1 && recompute.Open >= 1, $"recompute: {recompute}");
        // A steady base with usage is worth a commitment, whatever else the optimiser finds in one hour of data.
        var open = await sdk.ListCostRecommendationsAsync(new RecommendationQuery(id, RecommendationStates.Open));
        var commitment = Assert.Single(open.Records, r => r.Target == id && r.Kind == RecommendationKinds.Commitment);
        Assert.Equal(open.Records.Count, open.Total);
        var first = await sdk.ListCostRecommendationsAsync(new RecommendationQuery(id, RecommendationStates.Open, Limit: 1));
        Assert.Equal((open.Records[0].Id, open.Total), (Assert.Single(first.Records).Id, first.Total));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => sdk.ListCostRecommendationsAsync(new RecommendationQuery(Limit: RecommendationQuery.MaxLimit + 1)));

        var applied = await sdk.ApplyCostRecommendationAsync(commitment.Id, "bought a Savings Plan");
        var again = await sdk.DismissCostRecommendationAsync(commitment.Id, "too late");
        var unknown = await sdk.ApplyCostRecommendationAsync("rec-0000000000000000");

        Assert.Equal((RecommendationOutcome.Applied, "sdk-tests", "bought a Savings Plan"), (applied.Outcome, applied.Record!.DecidedBy, applied.Record.DecisionReason));
        Assert.Equal(RecommendationOutcome.NotOpen, again.Outcome);
        Assert.Equal(RecommendationOutcome.NotFound, unknown.Outcome);
        Assert.Contains((await sdk.ListCostRecommendationsAsync(new RecommendationQuery(id, RecommendationStates.Applied))).Records, r => r.Id == commitment.Id);
    }
}
