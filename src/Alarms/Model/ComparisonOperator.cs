namespace Autoscaler.Alarms.Model;

/// <summary>CloudWatch's comparison operators: four against a static threshold, three against an anomaly band.</summary>
public enum ComparisonOperator
{
    /// <summary>value ≥ threshold breaches.</summary>
    GreaterThanOrEqualToThreshold,

    /// <summary>value &gt; threshold breaches.</summary>
    GreaterThanThreshold,

    /// <summary>value &lt; threshold breaches.</summary>
    LessThanThreshold,

    /// <summary>value ≤ threshold breaches.</summary>
    LessThanOrEqualToThreshold,

    /// <summary>Outside the band (below its lower or above its upper edge) breaches.</summary>
    LessThanLowerOrGreaterThanUpperThreshold,

    /// <summary>Above the band's upper edge breaches.</summary>
    GreaterThanUpperThreshold,

    /// <summary>Below the band's lower edge breaches.</summary>
    LessThanLowerThreshold,
}
