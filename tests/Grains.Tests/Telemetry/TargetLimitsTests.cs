using Autoscaler.Grains.Services;
using Autoscaler.Grains.Telemetry;
using Autoscaler.Ports.Telemetry;
using Autoscaler.Grains.Tests.Services;
using Microsoft.Extensions.Options;

namespace Autoscaler.Grains.Tests.Telemetry;

/// <summary>
/// Issue 13, defect 7: one valid payload with ~5,500 metric names grew a target to 5,508 series. Metric names and
/// instances per target are bounded; what passes a limit is refused and counted by limit, never silently grown.
/// </summary>
public sealed class TargetLimitsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Metric_names_past_the_limit_are_refused_and_counted()
    {
        var counters = new CountingLimits();
        var target = Registered(new TargetLimitsOptions { MaxMetricsPerTarget = 64 }, counters);
        var metrics = Enumerable.Range(0, 5_500).ToDictionary(i => $"m{i:D4}", i => (double)i);

        target.Record([new TelemetrySample("agent-1", Now, metrics)]);
        target.Record([new TelemetrySample("agent-1", Now.AddSeconds(1), new Dictionary<string, double> { ["m0000"] = 1, ["late-name"] = 2 })]);

        Assert.Equal(64, target.Windows.Metrics.Count());
        Assert.Equal(5_500 - 64 + 1, counters.Refused[TelemetryLimit.MetricsPerTarget]);
        Assert.DoesNotContain("late-name", target.Windows.Metrics);
    }

    [Fact]
    public void A_new_instance_past_the_limit_is_refused_while_the_others_are_live_and_a_stale_one_makes_room()
    {
        var counters = new CountingLimits();
        var target = Registered(new TargetLimitsOptions { MaxInstancesPerTarget = 3 }, counters);

        target.Record([.. Enumerable.Range(0, 5).Select(i => TargetBuilder.Cpu($"agent-{i}", Now, 50))]);
        Assert.Equal(2, counters.Refused[TelemetryLimit.InstancesPerTarget]);

        // Three minutes later (past the two-minute staleness), a new agent replaces the least recently seen one.
        target.Record([TargetBuilder.Cpu("agent-1", Now.AddMinutes(3), 50), TargetBuilder.Cpu("agent-2", Now.AddMinutes(3), 50)]);
        target.Record([TargetBuilder.Cpu("agent-9", Now.AddMinutes(3), 50)]);

        Assert.Equal(2, counters.Refused[TelemetryLimit.InstancesPerTarget]);
        var summary = target.Windows.Summarize("cpu", Now.AddMinutes(3));
        Assert.Equal((3, 0), (summary.Instances, summary.Missing));
    }

    /// <summary>Counts refusals per limit, as the pipeline's counters do.</summary>
    private sealed class CountingLimits : ITelemetryLimitCounter
    {
        public Dictionary<TelemetryLimit, long> Refused { get; } = new() { [TelemetryLimit.MetricsPerTarget] = 0, [TelemetryLimit.InstancesPerTarget] = 0 };

        void ITelemetryLimitCounter.Refused(string target, TelemetryLimit limit, int values) => Refused[limit] += values;
    }

    private static LiveTarget Registered(TargetLimitsOptions options, ITelemetryLimitCounter counter)
    {
        var target = new LiveTarget("svc", new TargetTelemetryLimits(Options.Create(options), counter));
        target.Register(TargetBuilder.Simulated("svc"), Now);
        return target;
    }
}
