namespace Autoscaler.Scaling.Supervision.Budget;

/// <summary>At <see cref="Percent"/> of the monthly budget (month-end spend forecast), do <see cref="Action"/>;
/// <see cref="Step"/> is the max-capacity reduction of <see cref="BudgetActionKind.ReduceMaxCapacity"/>.</summary>
public sealed record BudgetThreshold(double Percent, BudgetActionKind Action, int Step = 0)
{
    /// <summary>The threshold's identity within a period: its percent and action (<c>80:notify</c>).</summary>
    public string Key => $"{Percent.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}:{Action}";

    /// <summary>Null when usable; else why not.</summary>
    public string? Problem() => Percent is <= 0 or > 1000 || double.IsNaN(Percent)
        ? "percent must be above 0 and at most 1000"
        : Action == BudgetActionKind.ReduceMaxCapacity && Step < 1 ? "step must be at least 1 for reduceMaxCapacity" : null;
}
