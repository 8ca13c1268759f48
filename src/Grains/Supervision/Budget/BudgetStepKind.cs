namespace Autoscaler.Grains.Supervision.Budget;

/// <summary>What a <see cref="BudgetStep"/> does.</summary>
public enum BudgetStepKind
{
    /// <summary>Announce a threshold through the notification channels (no target).</summary>
    Notify,

    /// <summary>Record (history row and event) that a threshold was announced, for one target.</summary>
    Announce,

    /// <summary>Lower one target's max capacity.</summary>
    Lower,

    /// <summary>Restore one target's max capacity at a new budget period.</summary>
    Restore,
}
