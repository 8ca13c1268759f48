using Autoscaler.Scaling.Metrics;

namespace Autoscaler.Scaling.Policies;

/// <summary>One metric's levels in a <see cref="ThresholdPolicy"/> (seed 001's `metrics[]` + `thresholds[]` merged).</summary>
/// <param name="Metric">The metric read.</param>
/// <param name="Aggregation">How the window's samples are reduced (`avg`, `max`, `p95`, ...).</param>
/// <param name="WindowSeconds">Length of the window, in seconds.</param>
/// <param name="ScaleUp">Level that triggers a scale-up.</param>
/// <param name="ScaleDown">Level that allows a scale-down.</param>
/// <param name="Comparison">Which side of the levels means "more capacity needed".</param>
public sealed record ThresholdRule(
    string Metric, Aggregation Aggregation, int WindowSeconds, double ScaleUp, double ScaleDown, ThresholdComparison Comparison)
{
    /// <summary>True when <paramref name="value"/> calls for more capacity.</summary>
    public bool WantsUp(double value) => Comparison == ThresholdComparison.LessThan ? value < ScaleUp : value > ScaleUp;

    /// <summary>True when <paramref name="value"/> allows less capacity.</summary>
    public bool WantsDown(double value) => Comparison == ThresholdComparison.LessThan ? value > ScaleDown : value < ScaleDown;

    /// <summary>
    /// Reads the rule's value: the window aggregate, or for <see cref="ThresholdComparison.PercentageChange"/> its change
    /// in percent against the window before; null without data (or with a previous window of 0).
    /// </summary>
    public double? Read(PolicyContext context)
    {
        var window = TimeSpan.FromSeconds(WindowSeconds);
        var now = context.Query.Aggregate(Metric, Aggregation, window, context.Now);
        if (!now.HasData)
        {
            return null;
        }

        if (Comparison != ThresholdComparison.PercentageChange)
        {
            return now.Value;
        }

        var before = context.Query.Aggregate(Metric, Aggregation, window, context.Now - window);
        return before.HasData && before.Value != 0 ? (now.Value - before.Value) / Math.Abs(before.Value) * 100 : null;
    }
}
