using Autoscaler.Grains.Interfaces;
using Autoscaler.Silo.Demo;

namespace Autoscaler.Integration.Tests.Demo;

/// <summary>The demo's synthetic past: only demo targets, only hours they did not record, in hour order.</summary>
public sealed class DemoTraceBackfillTests
{
    private static readonly DateTimeOffset To = new(2026, 3, 4, 10, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_demo_target_gets_hourly_history_before_its_own_which_is_kept()
    {
        var live = new TracePoint(To.AddMinutes(-20), 123);
        var trace = Trace(DemoFleet.Gateway, [new TraceSeries("connections", 800, [live])], [new TracePoint(To.AddDays(-14), 3)]);

        var filled = new DemoTraceBackfill().Fill(trace);

        var connections = filled.Metrics.Single(m => m.Metric == "connections");
        Assert.Equal(live, connections.Points[^1]);
        Assert.InRange(connections.Points.Count - 1, (14 * 24) - 1, 14 * 24);
        Assert.True(connections.Points.Zip(connections.Points.Skip(1)).All(p => p.First.At < p.Second.At));
        Assert.Contains(filled.Metrics, m => m.Metric == "cpu" && m.PerInstance == 100);
        Assert.Equal(new TracePoint(live.At, 3), filled.Capacity[^1]);
        Assert.True(filled.Capacity.Take(filled.Capacity.Count - 1).All(c => c.At < live.At && c.Value >= 2));
    }

    [Fact]
    public void Other_targets_are_left_as_recorded()
    {
        var trace = Trace("web", [new TraceSeries("cpu", 50, [new TracePoint(To.AddHours(-1), 40)])], [new TracePoint(To.AddDays(-14), 2)]);

        Assert.Same(trace, new DemoTraceBackfill().Fill(trace));
    }

    [Fact]
    public void Weekday_business_hours_are_busier_than_nights_and_weekends()
    {
        var tuesdayNoon = new DateTimeOffset(2026, 3, 3, 11, 0, 0, TimeSpan.Zero);
        Assert.True(DemoHistory.Load(tuesdayNoon) > 3 * DemoHistory.Load(tuesdayNoon.AddHours(-9)));
        Assert.True(DemoHistory.Load(tuesdayNoon) > 2 * DemoHistory.Load(tuesdayNoon.AddDays(-3)));
        Assert.Equal(DemoHistory.Load(tuesdayNoon), DemoHistory.Load(tuesdayNoon));
    }

    private static TargetTrace Trace(string target, IReadOnlyList<TraceSeries> metrics, IReadOnlyList<TracePoint> capacity) =>
        new(target, To.AddDays(-14), To, new TargetDefinition(target, 2, 20, 3, ActuatorBinding.Simulated), [], metrics, capacity);
}
