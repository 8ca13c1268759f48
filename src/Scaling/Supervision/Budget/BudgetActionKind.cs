namespace Autoscaler.Scaling.Supervision.Budget;

/// <summary>What a budget threshold does when the month's spend forecast reaches it.</summary>
public enum BudgetActionKind
{
    /// <summary>Tell operators (the alarm notification channels, else a logged event and a server-sent event).</summary>
    Notify,

    /// <summary>Lower every target's max capacity by a step (never below its min) until the next budget period.</summary>
    ReduceMaxCapacity,
}
