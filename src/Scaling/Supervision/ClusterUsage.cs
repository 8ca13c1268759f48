namespace Autoscaler.Scaling.Supervision;

/// <summary>What the cluster uses now, as the supervisor knows it.</summary>
/// <param name="TotalCapacity">Sum of every registered target's current capacity.</param>
/// <param name="ForecastMonthSpend">Forecast month-end spend of every target at its current capacity.</param>
/// <param name="HoursLeftInMonth">Hours until the month ends (prices an increase until then).</param>
public sealed record ClusterUsage(int TotalCapacity, decimal ForecastMonthSpend, double HoursLeftInMonth);
