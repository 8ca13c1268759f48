using Autoscaler.Scaling.Metrics;
using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Policies;
using Autoscaler.Scaling.Windows;

namespace Autoscaler.Scaling.Tests;

public sealed class WindowsMetricQueryTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static WindowMetricQuery Query()
    {
        var cpu = new MetricWindow();
        var queue = new MetricWindow();
        for (var s = 0; s < 600; s++)
        {
            var at = Now.AddSeconds(s - 599);
            cpu.Record("task-1", at, 1200, 2000);
            cpu.Record("task-2", at, 1400, 2000);
            queue.Record(WindowMetricQuery.AggregateInstance, at, 8000 + s);
        }

        cpu.Record("task-3", Now.AddMinutes(-5), 100, 2000);
        return new WindowMetricQuery().Add("cpu", cpu).Add("queue", queue);
    }

    [Fact]
    public void Aggregates_come_from_the_windows_and_unknown_metrics_have_no_data()
    {
        var query = Query();

        Assert.Equal(8599, query.Aggregate("queue", Aggregation.Max, TimeSpan.FromMinutes(1), Now).Value);
        Assert.False(query.Aggregate("nope", Aggregation.Avg, TimeSpan.FromMinutes(1), Now).HasData);
        Assert.Equal(0, query.Aggregate("nope", Aggregation.Count, TimeSpan.FromMinutes(1), Now).Value);
        Assert.Equal(1201, query.Aggregate("cpu", Aggregation.Count, TimeSpan.FromDays(2), Now).Value);
    }

    [Fact]
    public void Readings_mark_stale_instances_missing_and_aggregate_metrics_as_values()
    {
        var readings = Query().Readings(Now);

        Assert.Equal(8599, readings["queue"].Value);
        var instances = readings["cpu"].Instances!;
        Assert.Equal(new InstanceSample("task-1", 1200, 2000, true), instances[0]);
        Assert.Equal(new InstanceSample("task-3", null, 2000, true), instances[2]);
    }

    [Fact]
    public void Engine_evaluates_against_live_windows()
    {
        var query = Query();
        var tracking = new TargetTrackingPolicy("cpu", "cpu", new MetricTarget(TargetType.Utilization, 30));
        var threshold = new ThresholdPolicy(
            "backlog", [new ThresholdRule("queue", Aggregation.Avg, 300, 5000, 100, ThresholdComparison.GreaterThan)], 2, 1, 0, 60);
        var request = new EvaluationRequest(Now, new ScaleTarget(3, 1, 10), query.Readings(Now), new PolicySet([tracking, threshold])) { Query = query };

        var decision = ScalingEngine.Evaluate(request);

        Assert.Equal(5, decision.Proposals[1].Desired);
        Assert.Contains(decision.Proposals, p => p.Policy == "cpu" && p.Desired >= 4);
        Assert.InRange(decision.Desired, 4, 10);
    }

    [Fact]
    public void Series_comes_from_the_history_at_its_own_step()
    {
        var history = MetricHistory.Hourly14Days();
        for (var h = 0; h < 48; h++)
        {
            history.Record(Now.AddHours(h - 48), h % 24);
        }

        var query = new WindowMetricQuery().Add("load", new MetricWindow(), history);

        var series = query.Series("load", TimeSpan.FromMinutes(5), Now);

        Assert.Equal(TimeSpan.FromHours(1), series!.Step);
        Assert.Equal(48, series.Values.Count);
        Assert.Null(query.Series("cpu", TimeSpan.FromHours(1), Now));
    }
}
