using Autoscaler.Grains.Services;
using Autoscaler.Grains.Telemetry;
using Autoscaler.Grains.Tests.Services;
using Autoscaler.Ports.Telemetry;
using Microsoft.Extensions.Options;

namespace Autoscaler.Grains.Tests.Telemetry;

/// <summary>
/// Issue 19: in jetstream mode a message may be delivered twice (its silo applied it and died before acknowledging), so a
/// target drops samples it has recorded already; in core mode there is no filter and no cost.
/// </summary>
public sealed class DuplicateFilterTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("core", -1, 0)]
    [InlineData("jetstream", -1, 512)]
    [InlineData("JetStream", 0, 0)]
    [InlineData("core", 64, 64)]
    public void The_filter_is_on_by_default_in_jetstream_mode_only(string mode, int configured, int expected) =>
        Assert.Equal(expected, Limits(new TargetLimitsOptions { Mode = mode, DuplicateFilterSize = configured }).DuplicateFilterSize);

    [Fact]
    public void A_redelivered_burst_is_counted_once_in_jetstream_mode()
    {
        var target = Registered("jetstream");

        target.Record(Burst());
        target.Record(Burst()); // the same messages again, after the window's own four-sample memory per instance

        Assert.Equal(20, target.Windows.Summarize("cpu", Now.AddSeconds(10)).Aggregates["count_1h"]);
        Assert.Equal(20, target.Duplicates!.Duplicates);
    }

    [Fact]
    public void Core_mode_holds_no_filter()
    {
        var target = Registered("core");

        target.Record(Burst());

        Assert.Null(target.Duplicates);
        Assert.Equal(20, target.Windows.Summarize("cpu", Now.AddSeconds(10)).Aggregates["count_1h"]);
    }

    private static TelemetrySample[] Burst() =>
        [.. Enumerable.Range(0, 10).SelectMany(s => new[] { TargetBuilder.Cpu("agent-1", Now.AddSeconds(s), 40 + s), TargetBuilder.Cpu("agent-2", Now.AddSeconds(s), 60) })];

    private static TargetTelemetryLimits Limits(TargetLimitsOptions options) => new(Options.Create(options), new UncountedLimits());

    private static LiveTarget Registered(string mode)
    {
        var target = new LiveTarget("svc", Limits(new TargetLimitsOptions { Mode = mode }));
        target.Register(TargetBuilder.Simulated("svc"), Now);
        return target;
    }

    private sealed class UncountedLimits : ITelemetryLimitCounter
    {
        public void Refused(string target, TelemetryLimit limit, int values)
        {
        }
    }
}
