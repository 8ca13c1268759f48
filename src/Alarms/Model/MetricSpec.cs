using Autoscaler.Alarms.Evaluation;

namespace Autoscaler.Alarms.Model;

/// <summary>What a metric alarm watches and how it decides.</summary>
/// <param name="Metric">A metric of the alarm's target, or a control-plane metric (<see cref="ControlPlaneMetrics"/>).</param>
/// <param name="Statistic">How each period's samples become one datapoint.</param>
/// <param name="PeriodSeconds">The period: 10, 20, 30 or a multiple of 60, at most one day.</param>
/// <param name="Rule">The comparison, N, M and the missing-data treatment.</param>
/// <param name="BandWidth">For an anomaly alarm, k in <c>ANOMALY_DETECTION_BAND(metric, k)</c>; null otherwise.</param>
public sealed record MetricSpec(string Metric, AlarmStatistic Statistic, int PeriodSeconds, MetricAlarmRule Rule, double? BandWidth)
{
    /// <summary>Periods in the evaluation range: N plus two more (CloudWatch retrieves more than it evaluates; the User
    /// Guide's tables use 5 for 3), kept within a day.</summary>
    public int RangeLength => Math.Max(Rule.EvaluationPeriods, Math.Min(Rule.EvaluationPeriods + 2, 86_400 / PeriodSeconds));
}
