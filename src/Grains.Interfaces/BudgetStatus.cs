namespace Autoscaler.Grains.Interfaces;

/// <summary>Where a scope's month-end spend forecast stands against its budget.</summary>
public enum BudgetStatus
{
    /// <summary>Below the warning share (or no budget).</summary>
    Ok,

    /// <summary>At or past the warning share.</summary>
    Warning,

    /// <summary>At or past the critical share: scale-outs are refused.</summary>
    Critical,
}
