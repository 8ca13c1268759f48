namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary><c>GET /costs</c> (DashboardContract.md): run rate at current capacity (month = 30 days), spend so far, the
/// default scope's budget (null when none) and forecast, and each target.</summary>
public sealed record CostsView(
    string Currency,
    DateTimeOffset AsOf,
    decimal Hourly,
    decimal Daily,
    decimal Monthly,
    decimal MonthToDate,
    CostBudget? Budget,
    CostForecast Forecast,
    IReadOnlyList<TargetCost> ByTarget);
