using Autoscaler.Alarms.Model;

namespace Autoscaler.Alarms.Evaluation;

/// <summary>
/// What one evaluation of a metric alarm needs: the comparison (a static <see cref="Threshold"/> or, for the band
/// operators, a band per datapoint), <see cref="EvaluationPeriods"/> (N), <see cref="DatapointsToAlarm"/> (M) and how
/// missing periods count.
/// </summary>
/// <param name="Comparison">The comparison operator.</param>
/// <param name="Threshold">The static threshold (unused by the band operators).</param>
/// <param name="EvaluationPeriods">N: how many datapoints decide, 1..</param>
/// <param name="DatapointsToAlarm">M: how many of them must breach for ALARM, 1..N.</param>
/// <param name="TreatMissingData">How missing periods count.</param>
public sealed record MetricAlarmRule(
    ComparisonOperator Comparison,
    double Threshold,
    int EvaluationPeriods,
    int DatapointsToAlarm,
    MissingDataTreatment TreatMissingData = MissingDataTreatment.Missing)
{
    /// <summary>True when the comparison is against an anomaly band.</summary>
    public bool IsBand => Comparisons.IsBand(Comparison);

    /// <summary>Non-breaching datapoints it takes to go from ALARM to OK: N − M + 1.</summary>
    public int DatapointsToOk => EvaluationPeriods - DatapointsToAlarm + 1;
}
