namespace Autoscaler.Scaling.Supervision.Budget;

/// <summary>One target's capacity bounds as budget actions see them: <see cref="OriginalMax"/> is the max it had before
/// this period's reductions (null when none applies).</summary>
public sealed record BudgetTargetLimit(string Target, int Min, int Max, int? OriginalMax = null);
