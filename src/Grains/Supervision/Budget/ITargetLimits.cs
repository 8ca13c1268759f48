using Autoscaler.Scaling.Supervision.Budget;

namespace Autoscaler.Grains.Supervision.Budget;

/// <summary>Reads and lowers targets' capacity bounds for budget actions (the service grains in a silo).</summary>
public interface ITargetLimits
{
    /// <summary>The target's min and max; null when it is not registered.</summary>
    public Task<BudgetTargetLimit?> ReadAsync(string target);

    /// <summary>Sets the target's max capacity (never below its min); false when it is not registered.</summary>
    public Task<bool> SetMaxAsync(string target, int max);
}
