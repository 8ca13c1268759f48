using Autoscaler.Alarms.Evaluation;
using Autoscaler.Alarms.Model;

namespace Autoscaler.Alarms.Tests;

/// <summary>The User Guide's notation: "0" within the threshold, "X" breaching, "-" missing (oldest first).</summary>
internal static class Points
{
    public const double Within = 10;
    public const double Breaching = 100;
    public const double Threshold = 50;

    public static double[] Parse(string notation) =>
        [.. notation.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p switch
        {
            "0" => Within,
            "X" => Breaching,
            "-" => double.NaN,
            _ => throw new ArgumentException(p),
        })];

    public static MetricAlarmRule Rule(int n, int m, MissingDataTreatment treatment) =>
        new(ComparisonOperator.GreaterThanThreshold, Threshold, n, m, treatment);

    public static AlarmOutcome Evaluate(MetricAlarmRule rule, AlarmState current, double[] values) =>
        MetricAlarmEvaluator.Evaluate(rule, current, values, new EvaluatedPoint[rule.EvaluationPeriods + values.Length]);
}
