namespace Autoscaler.Alarms.Model;

/// <summary>What each <see cref="ComparisonOperator"/> means: whether a value breaches, and how reasons say it.</summary>
public static class Comparisons
{
    /// <summary>True for the three operators that compare against an anomaly band.</summary>
    public static bool IsBand(ComparisonOperator comparison) => comparison >= ComparisonOperator.LessThanLowerOrGreaterThanUpperThreshold;

    /// <summary>Whether <paramref name="value"/> breaches a static <paramref name="threshold"/>.</summary>
    public static bool Breaches(ComparisonOperator comparison, double value, double threshold) => comparison switch
    {
        ComparisonOperator.GreaterThanOrEqualToThreshold => value >= threshold,
        ComparisonOperator.GreaterThanThreshold => value > threshold,
        ComparisonOperator.LessThanThreshold => value < threshold,
        ComparisonOperator.LessThanOrEqualToThreshold => value <= threshold,
        _ => throw new ArgumentOutOfRangeException(nameof(comparison), comparison, "a band operator needs a band"),
    };

    /// <summary>Whether <paramref name="value"/> breaches the band [<paramref name="lower"/>, <paramref name="upper"/>].</summary>
    public static bool BreachesBand(ComparisonOperator comparison, double value, double lower, double upper) => comparison switch
    {
        ComparisonOperator.LessThanLowerOrGreaterThanUpperThreshold => value < lower || value > upper,
        ComparisonOperator.GreaterThanUpperThreshold => value > upper,
        ComparisonOperator.LessThanLowerThreshold => value < lower,
        _ => throw new ArgumentOutOfRangeException(nameof(comparison), comparison, "a threshold operator needs a threshold"),
    };

    /// <summary>The words of a static comparison in a reason: "greater than", "less than or equal to", ...</summary>
    public static string Phrase(ComparisonOperator comparison) => comparison switch
    {
        ComparisonOperator.GreaterThanOrEqualToThreshold => "greater than or equal to",
        ComparisonOperator.GreaterThanThreshold => "greater than",
        ComparisonOperator.LessThanThreshold => "less than",
        ComparisonOperator.LessThanOrEqualToThreshold => "less than or equal to",
        ComparisonOperator.GreaterThanUpperThreshold => "greater than the upper thresholds",
        ComparisonOperator.LessThanLowerThreshold => "less than the lower thresholds",
        _ => "less than the lower thresholds or greater than the upper thresholds",
    };
}
