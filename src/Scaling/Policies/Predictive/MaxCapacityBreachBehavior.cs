namespace Autoscaler.Scaling.Policies;

/// <summary>What a predictive policy does when the forecast capacity reaches the target's maximum (AWS semantics).</summary>
public enum MaxCapacityBreachBehavior
{
    /// <summary>The maximum is a hard limit (AWS default).</summary>
    HonorMaxCapacity,

    /// <summary>The maximum may rise to the forecast capacity plus <c>maxCapacityBuffer</c> percent of it.</summary>
    IncreaseMaxCapacity,
}
