namespace Autoscaler.Scaling.Policies;

/// <summary>How a step's adjustment changes capacity (AWS <c>AdjustmentType</c>).</summary>
public enum AdjustmentType
{
    /// <summary>Add the adjustment (negative removes).</summary>
    ChangeInCapacity,

    /// <summary>Set capacity to the adjustment.</summary>
    ExactCapacity,

    /// <summary>Add the adjustment percent of current capacity, truncated toward zero; a magnitude under 1 becomes ±1.</summary>
    PercentChangeInCapacity,
}
