using System.Text.Json;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Tests.Infrastructure;
using Autoscaler.Ports.Actuation;
using Autoscaler.Ports.Events;
using Autoscaler.Ports.Telemetry;
using Orleans.Core.Internal;
using static Autoscaler.Grains.Tests.Services.TargetBuilder;
using Autoscaler.Ports.Decisions;

namespace Autoscaler.Grains.Tests.Services;

[Collection(ClusterCollection.Name)]
public sealed class ServiceGrainTests(ClusterFixture fixture)
{
    private DateTimeOffset Now => fixture.Clock.GetUtcNow();

    private async Task<(IServiceGrain Grain, string Id)> RegisterAsync(ScalingFlags? flags = null, string scope = "default", int initial = 2)
    {
        var id = NewId();
        var grain = fixture.Client.GetGrain<IServiceGrain>(id);
        fixture.Simulated.Add(id, initialCapacity: initial, startupDelay: TimeSpan.Zero);
        await grain.ConfigureAsync(Simulated(id, initial: initial, flags: flags, scope: scope));
        await grain.SetPolicyAsync(CpuAverage());
        return (grain, id);
    }

    [Fact]
    public async Task A_breaching_sample_scales_out_at_once_through_the_fast_path_and_the_actuator_applies_it()
    {
        var (grain, id) = await RegisterAsync();
        using var subscription = fixture.Events.Subscribe();

        await grain.IngestAsync([Cpu("a", Now, 100), Cpu("b", Now, 100)]);

        var status = await grain.GetStatusAsync();
        Assert.Equal(4, status.Current);
        Assert.Equal(4, fixture.Simulated.Find(id)!.Peek().Desired);
        Assert.Equal("fast-path", status.LastDecision!.Trigger);
        Assert.Equal(DecisionKind.Actuated, status.LastDecision.Kind);
        Assert.Equal("policy:cpu", status.LastDecision.Actor);
        var published = new List<DecisionRecord>();
        while (subscription.Reader.TryRead(out var scalingEvent))
        {
            published.Add(scalingEvent);
        }

        Assert.Equal([DecisionKind.Decision, DecisionKind.Actuated], published.Where(e => e.Target == id).Select(e => e.Kind));
    }

    [Fact]
    public async Task Low_load_scales_in_on_the_timer_only_after_the_scale_down_stabilization_window()
    {
        var (grain, id) = await RegisterAsync(initial: 4);

        // Kubernetes default scale-down stabilization: 300 s of recommendations; each timer tick is 15 s.
        for (var tick = 0; tick < 19; tick++)
        {
            await grain.IngestAsync([Cpu("a", Now, 10), Cpu("b", Now, 10), Cpu("c", Now, 10), Cpu("d", Now, 10)]);
            fixture.Clock.Advance(TimeSpan.FromSeconds(15));
            var status = await grain.GetStatusAsync();
            Assert.Equal(4, status.Current);
        }

        for (var tick = 0; tick < 3; tick++)
        {
            await grain.IngestAsync([Cpu("a", Now, 10), Cpu("b", Now, 10), Cpu("c", Now, 10), Cpu("d", Now, 10)]);
            fixture.Clock.Advance(TimeSpan.FromSeconds(15));
        }

        var after = await grain.GetStatusAsync();
        Assert.Equal(1, after.Current);
        Assert.Equal("timer", after.LastDecision!.Trigger);
        Assert.Equal(1, fixture.Simulated.Find(id)!.Peek().Desired);
    }

    [Fact]
    public async Task A_failed_actuation_keeps_the_last_good_capacity_records_the_failure_and_publishes_the_rollback()
    {
        var (grain, id) = await RegisterAsync();
        fixture.Simulated.Find(id)!.FailNextCalls(1, ScaleTargetErrorKind.Throttled);

        await grain.IngestAsync([Cpu("a", Now, 100), Cpu("b", Now, 100)]);

        var status = await grain.GetStatusAsync();
        Assert.Equal(2, status.Current);
        Assert.Equal("failing", status.Status);
        var kinds = (await grain.GetRecentDecisionsAsync(3)).Select(d => DecisionKinds.Name(d.Kind)).ToList();
        Assert.Equal(["rolled-back", "failed", "decision"], kinds);
        var entries = await fixture.History.QueryAsync(new Ports.History.ScalingHistoryQuery(id, Now.AddHours(-1), Now.AddHours(1)));
        Assert.Contains(entries.Entries, e => e.Kind == DecisionKind.RolledBack && e.To == 2);
    }

    [Fact]
    public async Task Recent_decisions_and_status_read_the_same_after_the_target_is_reloaded_from_storage()
    {
        var (grain, id) = await RegisterAsync();
        await grain.IngestAsync([Cpu("a", Now, 100), Cpu("b", Now, 100)]);
        fixture.Simulated.Find(id)!.FailNextCalls(1, ScaleTargetErrorKind.Throttled);
        fixture.Clock.Advance(TimeSpan.FromSeconds(2));
        await grain.IngestAsync([.. Enumerable.Range(0, 4).Select(i => Cpu($"i{i}", Now, 100))]);
        var decisions = JsonSerializer.Serialize(await grain.GetRecentDecisionsAsync(50));
        var last = JsonSerializer.Serialize((await grain.GetStatusAsync()).LastDecision);

        await grain.AsReference<IGrainManagementExtension>().DeactivateOnIdle();

        Assert.Equal(decisions, JsonSerializer.Serialize(await grain.GetRecentDecisionsAsync(50)));
        Assert.Equal(last, JsonSerializer.Serialize((await grain.GetStatusAsync()).LastDecision));
        Assert.Equal(["rolled-back", "failed", "decision", "actuated", "decision"], (await grain.GetRecentDecisionsAsync(5)).Select(d => DecisionKinds.Name(d.Kind)));
    }

    [Fact]
    public async Task Dry_run_decides_and_publishes_but_never_calls_the_actuator()
    {
        var (grain, id) = await RegisterAsync(flags: new ScalingFlags(DryRun: true));

        await grain.IngestAsync([Cpu("a", Now, 100), Cpu("b", Now, 100)]);

        var status = await grain.GetStatusAsync();
        Assert.Equal(2, status.Current);
        Assert.True(status.LastDecision!.DryRun);
        Assert.Equal(4, status.LastDecision.To);
        Assert.Empty(fixture.Simulated.Find(id)!.AppliedDecisions);
    }

    [Fact]
    public async Task The_supervisor_trims_a_scale_out_that_would_pass_the_scope_total_capacity()
    {
        var scope = $"scope-{Guid.NewGuid():N}";
        await fixture.Client.GetGrain<ISupervisorGrain>(scope).ConfigureAsync(SupervisorSettings.Default with { Limits = new SupervisorLimits(MaxTotalCapacity: 5) });
        var (first, _) = await RegisterAsync(scope: scope);
        var (second, _) = await RegisterAsync(scope: scope);

        await Task.WhenAll(
            first.IngestAsync([Cpu("a", Now, 100), Cpu("b", Now, 100)]),
            second.IngestAsync([Cpu("a", Now, 100), Cpu("b", Now, 100)]));

        var total = (await first.GetStatusAsync()).Current + (await second.GetStatusAsync()).Current;
        Assert.Equal(5, total);
        Assert.Equal(5, (await fixture.Client.GetGrain<ISupervisorGrain>(scope).GetStatusAsync()).TotalCapacity);
    }

    [Fact]
    public async Task A_manual_override_holds_until_it_expires_then_policies_take_over()
    {
        var (grain, _) = await RegisterAsync();

        var manual = await grain.ScaleManuallyAsync(new ManualScale(7, "launch event", "ops@example", Now.AddMinutes(2)));
        Assert.Equal("manual:ops@example", manual.Actor);
        Assert.Equal(7, (await grain.GetStatusAsync()).Current);

        await grain.IngestAsync([Cpu("a", Now, 100), Cpu("b", Now, 100)]);
        Assert.Equal(7, (await grain.GetStatusAsync()).Current);

        // After expiry all seven instances report 4x the target: 28 wanted, the scale-up rate limit allows 14, max is 10.
        for (var tick = 0; tick < 10; tick++)
        {
            fixture.Clock.Advance(TimeSpan.FromSeconds(15));
            await grain.IngestAsync([.. Enumerable.Range(0, 7).Select(i => Cpu($"i{i}", Now, 200))]);
        }

        Assert.Equal(10, (await grain.GetStatusAsync()).Current);
    }

    [Fact]
    public async Task Invalid_definitions_and_policies_are_rejected_naming_the_field_and_leave_state_unchanged()
    {
        var (grain, id) = await RegisterAsync();

        var badMax = await Assert.ThrowsAsync<ArgumentException>(() => grain.ConfigureAsync(Simulated(id, min: 5, max: 2)));
        Assert.Contains("max: must be at least min", badMax.Message, StringComparison.Ordinal);
        var badPolicy = await Assert.ThrowsAsync<ArgumentException>(() => grain.SetPolicyAsync(
            new PolicyDefinition("cpu", """{ "name": "cpu", "type": "targetTracking", "metric": "cpu", "target": { "type": "AverageValue" } }""")));
        Assert.StartsWith("policy.target.value", badPolicy.Message, StringComparison.Ordinal);

        var status = await grain.GetStatusAsync();
        Assert.Equal(10, status.Definition!.Max);
        Assert.Equal(["cpu"], status.Policies);
    }

    [Fact]
    public async Task An_unregistered_target_refuses_telemetry_with_a_clear_message()
    {
        var grain = fixture.Client.GetGrain<IServiceGrain>(NewId());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.IngestAsync([Cpu("a", Now, 1)]));

        Assert.Contains("is not registered", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agent_pool_reports_cost_per_agent_hour_from_capacity_cost_over_active_agent_hours()
    {
        var id = NewId();
        var grain = fixture.Client.GetGrain<IServiceGrain>(id);
        fixture.Simulated.Add(id, initialCapacity: 2, startupDelay: TimeSpan.Zero);
        await grain.ConfigureAsync(Simulated(id, initial: 2) with { AgentPool = new AgentPoolSettings(StalenessSeconds: 3600) });

        // Two capacity units at $0.10/h for one hour with four active agents: $0.20 over 4 agent-hours = $0.05.
        await grain.IngestAsync([.. Enumerable.Range(0, 4).Select(i => Cpu($"agent-{i}", Now, 10))]);
        await grain.GetStatusAsync();
        fixture.Clock.Advance(TimeSpan.FromHours(1));
        await grain.IngestAsync([.. Enumerable.Range(0, 4).Select(i => Cpu($"agent-{i}", Now, 10))]);

        var status = await grain.GetStatusAsync();
        Assert.Equal(0.20m, Math.Round(status.Cost.Month, 2));
        Assert.Equal(0.05m, status.Cost.CostPerAgentHour);
    }

    [Fact]
    public async Task Capacity_changed_behind_the_control_plane_is_read_back_and_reported_as_drift()
    {
        var (grain, id) = await RegisterAsync(initial: 3);
        fixture.Simulated.Find(id)!.Apply(new DesiredCapacityRequest("someone-else-1", 6));

        // The read-back runs with the supervisor report, once a minute of timer evaluations.
        for (var tick = 0; tick < 5; tick++)
        {
            fixture.Clock.Advance(TimeSpan.FromSeconds(15));
            await grain.GetStatusAsync();
        }

        var status = await grain.GetStatusAsync();
        Assert.Equal(3, status.Current);
        Assert.Equal(6, status.Observed);
        Assert.Equal(3, status.Drift);
    }

    [Fact]
    public async Task A_pool_wide_derived_metric_is_read_as_one_aggregate_value_over_the_current_capacity()
    {
        var id = NewId();
        var grain = fixture.Client.GetGrain<IServiceGrain>(id);
        fixture.Simulated.Add(id, initialCapacity: 4, startupDelay: TimeSpan.Zero);
        await grain.ConfigureAsync(Simulated(id, initial: 4, max: 20) with { AgentPool = new AgentPoolSettings(StalenessSeconds: 60) });
        await grain.SetPolicyAsync(new PolicyDefinition("agent-utilization",
            """{ "name": "agent-utilization", "type": "targetTracking", "metric": "AgentUtilization", "target": { "type": "Value", "value": 70 } }"""));

        // Four agents 100 % busy: AgentUtilization 100 vs 70 over 4 -> ceil(4 x 1.43) = 6.
        await grain.IngestAsync([.. Enumerable.Range(0, 4).Select(i =>
            new TelemetrySample($"agent-{i}", Now, new Dictionary<string, double> { ["utilization"] = 100 }))]);

        var status = await grain.GetStatusAsync();
        Assert.Equal(6, status.Current);
        Assert.Contains(status.LastDecision!.Explanation, line => line.StartsWith("agent-utilization: value 100", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_recommendation_reads_the_same_windows_the_decisions_do()
    {
        var (grain, _) = await RegisterAsync();
        await grain.IngestAsync([Cpu("a", Now, 100), Cpu("b", Now, 100)]);

        var recommendation = await grain.GetRecommendationAsync();

        Assert.Contains(recommendation.Reason, line => line.StartsWith("cpu: average 100", StringComparison.Ordinal));
    }
}
