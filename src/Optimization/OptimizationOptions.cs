using Autoscaler.Optimization.Efficiency;
using Autoscaler.Optimization.Purchase;
using Autoscaler.Optimization.RightSizing;
using Autoscaler.Optimization.Schedules;

namespace Autoscaler.Optimization;

/// <summary>Every knob of the optimiser, defaults documented on each part.</summary>
public sealed record OptimizationOptions
{
    /// <summary>The defaults.</summary>
    public static OptimizationOptions Default { get; } = new();

    /// <summary>Right-sizing.</summary>
    public RightSizeOptions RightSize { get; init; } = RightSizeOptions.Default;

    /// <summary>Schedule detection.</summary>
    public ScheduleOptions Schedule { get; init; } = ScheduleOptions.Default;

    /// <summary>Commitments and Spot.</summary>
    public PurchaseOptions Purchase { get; init; } = PurchaseOptions.Default;

    /// <summary>Efficiency goals.</summary>
    public EfficiencyGoals Goals { get; init; } = EfficiencyGoals.Default;
}
