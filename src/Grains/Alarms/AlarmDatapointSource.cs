using Autoscaler.Alarms;
using Autoscaler.Alarms.Model;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Ports.Decisions;

namespace Autoscaler.Grains.Alarms;

/// <summary>
/// Where an alarm's datapoints come from at a period boundary: a target's metric windows (through its service grain), the
/// alarm's hourly ring for periods over an hour, or the control plane (failed actuations and decision latency from the
/// target's recent decisions, the scope's budget, the silo's telemetry rejections).
/// </summary>
internal sealed class AlarmDatapointSource(IGrainFactory grains, IControlPlaneSignals signals)
{
    /// <summary>The range of <paramref name="count"/> periods ending at <paramref name="boundary"/>, oldest first.</summary>
    public async Task<double[]> ReadAsync(LiveAlarm alarm, DateTimeOffset boundary, int count)
    {
        var definition = alarm.Defined;
        var metric = definition.Metric!;
        if (ControlPlaneMetrics.IsControlPlane(metric.Metric) && metric.Metric != ControlPlaneMetrics.AgentsMissing)
        {
            alarm.Ring.Record(boundary, await SignalAsync(alarm, definition, boundary));
            return Combined(alarm, metric, boundary, count);
        }

        var name = metric.Metric == ControlPlaneMetrics.AgentsMissing ? "MissingAgentCount" : metric.Metric;
        var service = grains.GetGrain<IServiceGrain>(definition.Target!);
        if (metric.PeriodSeconds <= ClusterRules.WindowSeconds)
        {
            var values = await service.GetAlarmDatapointsAsync(new AlarmDatapointQuery(name, metric.Statistic.Name, metric.PeriodSeconds, count, boundary));
            alarm.Ring.Record(boundary, values[^1]);
            return values;
        }

        var hour = await service.GetAlarmDatapointsAsync(new AlarmDatapointQuery(name, metric.Statistic.Name, ClusterRules.WindowSeconds, 1, boundary));
        alarm.Ring.Record(boundary, hour[0]);
        return Combined(alarm, metric, boundary, count);
    }

    // The ring holds datapoints at min(period, 1 h): a longer period combines its hours.
    private static double[] Combined(LiveAlarm alarm, MetricSpec metric, DateTimeOffset boundary, int count)
    {
        var perPeriod = (int)Math.Max(1, metric.PeriodSeconds / alarm.Ring.Step.TotalSeconds);
        if (perPeriod == 1)
        {
            return alarm.Ring.Range(boundary, count);
        }

        var values = new double[count];
        var period = TimeSpan.FromSeconds(metric.PeriodSeconds);
        for (var i = 0; i < count; i++)
        {
            values[i] = StatisticAggregation.Combine(metric.Statistic, alarm.Ring.Range(boundary - (period * (count - 1 - i)), perPeriod));
        }

        return values;
    }

    private async Task<double> SignalAsync(LiveAlarm alarm, AlarmDefinition definition, DateTimeOffset boundary)
    {
        var metric = definition.Metric!;
        var from = boundary - alarm.Ring.Step;
        switch (metric.Metric)
        {
            case ControlPlaneMetrics.TelemetryRejections:
                var total = signals.TelemetryRejected;
                var previous = alarm.SignalCounter;
                alarm.SignalCounter = total;
                return previous is { } before ? Math.Max(0, total - before) : double.NaN;
            case ControlPlaneMetrics.BudgetPercent:
                var scope = definition.Target is { } target
                    ? (await grains.GetGrain<IServiceGrain>(target).GetStatusAsync()).Definition?.Scope ?? "default"
                    : "default";
                var status = await grains.GetGrain<ISupervisorGrain>(scope).GetStatusAsync();
                return status.Settings.Limits.MonthlyBudget is { } budget and > 0 ? (double)(status.ForecastMonthSpend / budget * 100) : double.NaN;
            default:
                var decisions = await grains.GetGrain<IServiceGrain>(definition.Target!).GetRecentDecisionsAsync(50);
                var inPeriod = decisions.Where(d => d.At > from && d.At <= boundary);
                if (metric.Metric == ControlPlaneMetrics.ActuationFailures)
                {
                    return inPeriod.Count(d => d.Kind == DecisionKind.Failed);
                }

                var latencies = inPeriod.Where(d => d.Kind == DecisionKind.Actuated).Select(d => d.DurationMs).ToArray();
                return metric.Statistic.Kind == StatisticKind.SampleCount ? latencies.Length
                    : latencies.Length == 0 ? double.NaN
                    : StatisticAggregation.Combine(metric.Statistic, latencies);
        }
    }
}
