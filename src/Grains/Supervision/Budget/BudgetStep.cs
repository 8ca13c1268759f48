namespace Autoscaler.Grains.Supervision.Budget;

/// <summary>One budget action still to carry out (kept in the supervisor's state until done, so a failure is retried at
/// the next check and a failover loses nothing).</summary>
/// <param name="Id">The audit row's id (<c>{target}-budget-{yyyyMM}-{threshold}</c>): storing it twice is a no-op.</param>
/// <param name="Target">The target, null for <see cref="BudgetStepKind.Notify"/>.</param>
/// <param name="Kind">What to do.</param>
/// <param name="From">Max capacity before (a change), else 0.</param>
/// <param name="To">Max capacity after (a change), else 0.</param>
/// <param name="Reason">The audit line.</param>
/// <param name="Percent">The threshold, percent of the monthly budget.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.BudgetStep")]
public sealed record BudgetStep(string Id, string? Target, BudgetStepKind Kind, int From, int To, string Reason, double Percent);
