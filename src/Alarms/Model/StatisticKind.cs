namespace Autoscaler.Alarms.Model;

/// <summary>The statistic that reduces one period's samples to a datapoint (CloudWatch's names).</summary>
public enum StatisticKind
{
    /// <summary>Mean of the samples.</summary>
    Average,

    /// <summary>Sum of the samples.</summary>
    Sum,

    /// <summary>Smallest sample.</summary>
    Minimum,

    /// <summary>Largest sample.</summary>
    Maximum,

    /// <summary>Number of samples.</summary>
    SampleCount,

    /// <summary>A percentile (<c>pNN</c>, <see cref="AlarmStatistic.Percentile"/>).</summary>
    Percentile,
}
