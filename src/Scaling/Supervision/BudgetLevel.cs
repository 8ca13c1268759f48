namespace Autoscaler.Scaling.Supervision;

/// <summary>Where the month's forecast spend stands against the budget.</summary>
public enum BudgetLevel
{
    /// <summary>No budget, or the forecast is below the warning level.</summary>
    Ok,

    /// <summary>The forecast passed the warning level: scale-out still allowed, operators are told.</summary>
    Warning,

    /// <summary>The forecast passed the critical level: scale-out is capped.</summary>
    Critical,
}
