using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Tests.Infrastructure;
using Autoscaler.Ports.Alarms;
using Autoscaler.Ports.Decisions;
using Autoscaler.Ports.History;
using Autoscaler.Ports.Telemetry;
using Orleans.Core.Internal;
using static Autoscaler.Grains.Tests.Services.TargetBuilder;

namespace Autoscaler.Grains.Tests.Alarms;

/// <summary>Alarm grains on the shared in-process cluster, their timers driven by the fake clock: evaluation at period
/// boundaries, history and events, actions with cooldown, mutes, dry-run and escalation, composites with suppression,
/// remediation through the decision protocol, and state that survives reactivation.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AlarmGrainTests(ClusterFixture fixture)
{
    private DateTimeOffset Now => fixture.Clock.GetUtcNow();

    private static string NewAlarm() => $"alarm-{Guid.NewGuid():N}"[..22];

    private async Task<string> TargetAsync(string scope = "default", int initial = 2)
    {
        var id = NewId();
        fixture.Simulated.Add(id, initialCapacity: initial, startupDelay: TimeSpan.Zero);
        var grain = fixture.Client.GetGrain<IServiceGrain>(id);
        await grain.ConfigureAsync(Simulated(id, initial: initial, scope: scope));
        await grain.SetPolicyAsync(CpuAverage(1000));
        return id;
    }

    private static string MetricAlarm(string name, string target, string extra = "", string metric = "cpu", string missing = "missing", int n = 2) => $$"""
        { "name": "{{name}}", "target": "{{target}}", "metric": "{{metric}}", "statistic": "Average", "periodSeconds": 60,
          "evaluationPeriods": {{n}}, "threshold": 80, "comparison": "GreaterThanThreshold", "treatMissingData": "{{missing}}" {{extra}} }
        """;

    /// <summary>Moves to 1 s past the next minute, so each following minute is one whole period.</summary>
    private void AlignToMinute()
    {
        var now = Now;
        fixture.Clock.Advance(TimeSpan.FromMinutes(1) - TimeSpan.FromTicks(now.UtcTicks % TimeSpan.TicksPerMinute) + TimeSpan.FromSeconds(1));
    }

    private async Task FeedAsync(string target, string metric, double value, TimeSpan duration)
    {
        var grain = fixture.Client.GetGrain<IServiceGrain>(target);
        for (var elapsed = TimeSpan.Zero; elapsed < duration; elapsed += TimeSpan.FromSeconds(10))
        {
            await grain.IngestAsync([Sample("a", metric, value), Sample("b", metric, value)]);
            fixture.Clock.Advance(TimeSpan.FromSeconds(10));
        }
    }

    private TelemetrySample Sample(string source, string metric, double value) => new(source, Now, new Dictionary<string, double> { [metric] = value });

    [Fact]
    public async Task A_metric_alarm_goes_to_alarm_at_a_period_boundary_records_and_publishes_it_and_returns_to_ok()
    {
        var target = await TargetAsync();
        var name = NewAlarm();
        var alarm = fixture.Client.GetGrain<IAlarmGrain>(name);
        var created = await alarm.PutAsync(MetricAlarm(name, target,
            """, "severity": "critical", "alarmActions": [ { "kind": "notify", "url": "http://hooks/alarm" } ], "okActions": [ { "kind": "notify", "url": "http://hooks/ok" } ]"""));
        Assert.Equal(("INSUFFICIENT_DATA", "metric", 80.0), (created.State, created.Kind, created.Threshold));

        AlignToMinute();
        await FeedAsync(target, "cpu", 95, TimeSpan.FromMinutes(3));
        var firing = await alarm.GetAsync();

        Assert.Equal("ALARM", firing!.State);
        Assert.Equal("Threshold Crossed: 2 out of the last 2 datapoints [95.0, 95.0] were greater than the threshold (80.0) (minimum 2 datapoints for INSUFFICIENT_DATA -> ALARM transition).", firing.Reason);
        var change = Assert.Single(fixture.Alarms.Published(name));
        Assert.Equal((name, target, "critical", "INSUFFICIENT_DATA", "ALARM"), (change.Alarm, change.Target, change.Severity, change.From, change.To));
        Assert.Equal("http://hooks/alarm", Assert.Single(fixture.Notifier.Sent(name)).Url);
        Assert.Contains(fixture.Alarms.History(name), r => r.Kind == AlarmRecordKind.Action && r.Outcome == "succeeded: http://hooks/alarm");

        await FeedAsync(target, "cpu", 20, TimeSpan.FromMinutes(3));

        Assert.Equal("OK", (await alarm.GetAsync())!.State);
        Assert.Equal(["ALARM", "OK"], fixture.Alarms.Published(name).Select(r => r.To));
        Assert.Equal(["http://hooks/alarm", "http://hooks/ok"], fixture.Notifier.Sent(name).Select(r => r.Url));
    }

    [Fact]
    public async Task Actions_respect_their_cooldown_mute_windows_and_the_global_dry_run()
    {
        var scope = $"scope-{Guid.NewGuid():N}"[..16];
        var target = await TargetAsync(scope);
        var name = NewAlarm();
        var alarm = fixture.Client.GetGrain<IAlarmGrain>(name);
        await alarm.PutAsync(MetricAlarm(name, target, """, "alarmActions": [ { "kind": "notify", "url": "http://hooks/a", "cooldownSeconds": 600 } ]""", missing: "ignore"));

        await alarm.SetStateAsync("ALARM", "test");
        await alarm.SetStateAsync("OK", "test");
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await alarm.SetStateAsync("ALARM", "test again");
        Assert.Single(fixture.Notifier.Sent(name));
        Assert.StartsWith("cooldown: ran 60 s ago, within its 600 s cooldown", ActionOutcomes(name)[^1], StringComparison.Ordinal);

        fixture.Clock.Advance(TimeSpan.FromMinutes(11));
        await alarm.MuteAsync(new AlarmMute(Now, Now.AddHours(1), "deploying", "tests"));
        await alarm.SetStateAsync("OK", "test");
        await alarm.SetStateAsync("ALARM", "test");
        Assert.StartsWith("muted: deploying", ActionOutcomes(name)[^1], StringComparison.Ordinal);

        await alarm.UnmuteAsync();
        await fixture.Client.GetGrain<ISupervisorGrain>(scope).ConfigureAsync(new SupervisorSettings(true, true, SupervisorLimits.None));
        await alarm.SetStateAsync("OK", "test");
        await alarm.SetStateAsync("ALARM", "test");
        Assert.Equal("dry-run: would run: the control plane is in dry-run", ActionOutcomes(name)[^1]);
        Assert.Single(fixture.Notifier.Sent(name));
    }

    [Fact]
    public async Task Escalation_notifies_the_next_severitys_destinations_once_per_level()
    {
        var target = await TargetAsync();
        var name = NewAlarm();
        var alarm = fixture.Client.GetGrain<IAlarmGrain>(name);
        await alarm.PutAsync(MetricAlarm(name, target,
            """, "severity": "info", "escalation": { "afterMinutes": 5 }, "alarmActions": [ { "kind": "notify" } ]""", missing: "ignore"));

        await alarm.SetStateAsync("ALARM", "test");
        for (var minute = 0; minute < 12; minute++)
        {
            fixture.Clock.Advance(TimeSpan.FromMinutes(1));
            await alarm.GetAsync();
        }

        Assert.Equal(["info", "warning", "critical"], fixture.Notifier.Sent(name).Select(r => r.Record.Severity));
        Assert.Equal(2, (await alarm.GetAsync())!.EscalationLevel);
        Assert.StartsWith("Escalated to warning: still in ALARM after 5 minutes.", fixture.Notifier.Sent(name)[1].Record.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_composite_follows_the_alarms_it_watches_and_holds_its_actions_while_the_suppressor_is_in_alarm()
    {
        var target = await TargetAsync();
        var (cpu, latency, maintenance, composite) = (NewAlarm(), NewAlarm(), NewAlarm(), NewAlarm());
        foreach (var child in new[] { cpu, latency, maintenance })
        {
            await fixture.Client.GetGrain<IAlarmGrain>(child).PutAsync(MetricAlarm(child, target, missing: "ignore"));
        }

        var grain = fixture.Client.GetGrain<IAlarmGrain>(composite);
        await grain.PutAsync($$"""
            { "name": "{{composite}}", "target": "{{target}}", "rule": "ALARM({{cpu}}) AND ALARM(\"{{latency}}\")",
              "actionsSuppressor": { "alarm": "{{maintenance}}", "waitPeriodSeconds": 0, "extensionPeriodSeconds": 60 },
              "alarmActions": [ { "kind": "notify", "url": "http://hooks/page" } ], "okActions": [ { "kind": "notify", "url": "http://hooks/ok" } ] }
            """);
        Assert.Equal("composite", (await grain.GetAsync())!.Kind);

        await fixture.Client.GetGrain<IAlarmGrain>(maintenance).SetStateAsync("ALARM", "maintenance window");
        await fixture.Client.GetGrain<IAlarmGrain>(cpu).SetStateAsync("ALARM", "test");
        await fixture.Client.GetGrain<IAlarmGrain>(latency).SetStateAsync("ALARM", "test");
        var status = await grain.EvaluateNowAsync();
        Assert.Equal("ALARM", status.State);
        Assert.Contains($"{cpu} is ALARM", status.Reason, StringComparison.Ordinal);
        Assert.Empty(Pages());

        await fixture.Client.GetGrain<IAlarmGrain>(maintenance).SetStateAsync("OK", "done");
        await grain.EvaluateNowAsync();
        Assert.Empty(Pages());
        fixture.Clock.Advance(TimeSpan.FromSeconds(61));
        await grain.EvaluateNowAsync();
        Assert.Single(Pages());

        IEnumerable<NotificationRequest> Pages() => fixture.Notifier.Sent(composite).Where(r => r.Url == "http://hooks/page");

        var watched = await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Client.GetGrain<IAlarmGrain>(cpu).DeleteAsync());
        Assert.Contains($"is watched by {composite}", watched.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_composite_naming_a_missing_alarm_or_closing_a_cycle_is_refused()
    {
        var target = await TargetAsync();
        var (a, b) = (NewAlarm(), NewAlarm());
        await fixture.Client.GetGrain<IAlarmGrain>(a).PutAsync(MetricAlarm(a, target));

        var missing = await Assert.ThrowsAsync<ArgumentException>(() =>
            fixture.Client.GetGrain<IAlarmGrain>(b).PutAsync($$"""{ "name": "{{b}}", "rule": "ALARM({{a}}) OR ALARM(ghost)" }"""));
        Assert.Equal("rule: no alarm named 'ghost' exists (create the alarms a composite watches first)", missing.Message);
        Assert.Null(await fixture.Client.GetGrain<IAlarmGrain>(b).GetAsync());

        await fixture.Client.GetGrain<IAlarmGrain>(b).PutAsync($$"""{ "name": "{{b}}", "rule": "ALARM({{a}})" }""");
        var c = NewAlarm();
        await fixture.Client.GetGrain<IAlarmGrain>(c).PutAsync($$"""{ "name": "{{c}}", "rule": "ALARM({{b}})" }""");
        var cycle = await Assert.ThrowsAsync<ArgumentException>(() =>
            fixture.Client.GetGrain<IAlarmGrain>(b).PutAsync($$"""{ "name": "{{b}}", "rule": "ALARM({{c}})" }"""));
        Assert.Contains("would close a cycle", cycle.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scale_action_goes_through_the_decision_protocol_with_a_capped_fixed_adjustment_or_inline_steps()
    {
        var target = await TargetAsync(initial: 2);
        var name = NewAlarm();
        var alarm = fixture.Client.GetGrain<IAlarmGrain>(name);
        await alarm.PutAsync(MetricAlarm(name, target, """, "alarmActions": [ { "kind": "scale", "adjustment": 2, "max": 3 } ]""", missing: "ignore"));

        await alarm.SetStateAsync("ALARM", "load test");

        var status = await fixture.Client.GetGrain<IServiceGrain>(target).GetStatusAsync();
        Assert.Equal(3, status.Current);
        Assert.Equal(3, fixture.Simulated.Find(target)!.Peek().Desired);
        Assert.Equal($"alarm:{name}", status.LastDecision!.Actor);
        Assert.Equal(DecisionKind.Actuated, status.LastDecision.Kind);
        Assert.StartsWith($"succeeded: {target} 2 -> 3", ActionOutcomes(name)[^1], StringComparison.Ordinal);
        var history = await fixture.History.QueryAsync(new ScalingHistoryQuery(target, DateTimeOffset.UnixEpoch, Now.AddDays(1)));
        Assert.Contains(history.Entries, r => r.Actor == $"alarm:{name}" && r.Kind == DecisionKind.Actuated);

        var stepped = NewAlarm();
        var steps = fixture.Client.GetGrain<IAlarmGrain>(stepped);
        await steps.PutAsync($$"""
            { "name": "{{stepped}}", "target": "{{target}}", "metric": "queue", "periodSeconds": 60, "evaluationPeriods": 1, "threshold": 100,
              "comparison": "GreaterThanThreshold",
              "alarmActions": [ { "kind": "scale", "adjustmentType": "ChangeInCapacity",
                                  "steps": [ { "lower": 0, "upper": 100, "adjustment": 1 }, { "lower": 100, "upper": null, "adjustment": 3 } ] } ] }
            """);
        AlignToMinute();
        await FeedAsync(target, "queue", 250, TimeSpan.FromMinutes(1));
        fixture.Clock.Advance(TimeSpan.FromSeconds(5));
        await steps.GetAsync();

        Assert.Equal(6, (await fixture.Client.GetGrain<IServiceGrain>(target).GetStatusAsync()).Current);
        Assert.StartsWith($"succeeded: {target} 3 -> 6", ActionOutcomes(stepped)[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restart_action_restarts_through_the_actuator_once_per_interval_per_target()
    {
        var target = await TargetAsync();
        var (first, second) = (NewAlarm(), NewAlarm());
        foreach (var name in new[] { first, second })
        {
            await fixture.Client.GetGrain<IAlarmGrain>(name).PutAsync(MetricAlarm(name, target, """, "alarmActions": [ { "kind": "restart" } ]""", missing: "ignore"));
        }

        await fixture.Client.GetGrain<IAlarmGrain>(first).SetStateAsync("ALARM", "test");
        await fixture.Client.GetGrain<IAlarmGrain>(second).SetStateAsync("ALARM", "test");

        Assert.Equal(1, fixture.Simulated.Find(target)!.Restarts);
        Assert.StartsWith($"succeeded: {target} restarted", ActionOutcomes(first)[^1], StringComparison.Ordinal);
        Assert.StartsWith($"rate-limited: {target} was restarted 0 s ago (for {first})", ActionOutcomes(second)[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task State_and_action_memory_survive_reactivation()
    {
        var target = await TargetAsync();
        var name = NewAlarm();
        var alarm = fixture.Client.GetGrain<IAlarmGrain>(name);
        await alarm.PutAsync(MetricAlarm(name, target, """, "alarmActions": [ { "kind": "notify", "url": "http://hooks/a", "cooldownSeconds": 900 } ]""", missing: "ignore"));
        await alarm.SetStateAsync("ALARM", "before");
        var before = await alarm.GetAsync();

        await alarm.AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        var after = await alarm.GetAsync();
        await alarm.SetStateAsync("OK", "test");
        await alarm.SetStateAsync("ALARM", "after reload");

        Assert.Equal((before!.State, before.Reason, before.StateChangedAt), (after!.State, after.Reason, after.StateChangedAt));
        Assert.Single(fixture.Notifier.Sent(name));
        Assert.StartsWith("cooldown:", ActionOutcomes(name)[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_definitions_are_refused_naming_the_field_and_change_nothing()
    {
        var target = await TargetAsync();
        var name = NewAlarm();
        var alarm = fixture.Client.GetGrain<IAlarmGrain>(name);
        await alarm.PutAsync(MetricAlarm(name, target));

        var bad = await Assert.ThrowsAsync<ArgumentException>(() => alarm.PutAsync(MetricAlarm(name, target, """, "datapointsToAlarm": 3""")));
        var percentile = await Assert.ThrowsAsync<ArgumentException>(() =>
            alarm.PutAsync(MetricAlarm(name, target).Replace("\"Average\"", "\"p97\"", StringComparison.Ordinal)));
        var state = await Assert.ThrowsAsync<ArgumentException>(() => alarm.SetStateAsync("RED", "x"));

        Assert.Equal("datapointsToAlarm: must be between 1 and evaluationPeriods (2)", bad.Message);
        Assert.StartsWith("statistic: p97 is not available in the cluster", percentile.Message, StringComparison.Ordinal);
        Assert.StartsWith("state: must be one of OK, ALARM, INSUFFICIENT_DATA", state.Message, StringComparison.Ordinal);
        Assert.Equal(MetricAlarm(name, target), (await alarm.GetAsync())!.Definition);
    }

    [Fact]
    public async Task A_control_plane_alarm_counts_failed_actuations_per_period()
    {
        var target = await TargetAsync();
        await fixture.Client.GetGrain<IServiceGrain>(target).SetPolicyAsync(CpuAverage(50));
        fixture.Simulated.Find(target)!.SetFailing(true);
        var name = NewAlarm();
        var alarm = fixture.Client.GetGrain<IAlarmGrain>(name);
        await alarm.PutAsync($$"""
            { "name": "{{name}}", "target": "{{target}}", "metric": "autoscaler.actuationFailures", "statistic": "Sum", "periodSeconds": 60,
              "evaluationPeriods": 1, "threshold": 1, "comparison": "GreaterThanOrEqualToThreshold", "treatMissingData": "notBreaching" }
            """);

        AlignToMinute();
        await FeedAsync(target, "cpu", 100, TimeSpan.FromMinutes(1));
        fixture.Simulated.Find(target)!.SetFailing(false);
        fixture.Clock.Advance(TimeSpan.FromSeconds(5));

        var status = await alarm.GetAsync();
        var decisions = await fixture.Client.GetGrain<IServiceGrain>(target).GetRecentDecisionsAsync(50);
        Assert.True(status!.State == "ALARM", $"{status.Reason} at {Now:O} / {status.LastEvaluatedAt:O}; " + string.Join(", ", decisions.Select(d => $"{d.Kind}@{d.At:O}")));
        Assert.Contains("greater than or equal to the threshold (1.0)", status.Reason, StringComparison.Ordinal);
    }

    private string[] ActionOutcomes(string alarm) =>
        [.. fixture.Alarms.History(alarm).Where(r => r.Kind == AlarmRecordKind.Action).Select(r => r.Outcome!)];
}
