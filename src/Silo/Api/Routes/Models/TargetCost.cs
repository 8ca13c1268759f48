namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary>One target's run rate and spend.</summary>
public sealed record TargetCost(
    string Target,
    int Replicas,
    decimal UnitHourly,
    decimal Hourly,
    decimal Hour,
    decimal Day,
    decimal MonthToDate,
    decimal ForecastMonthEnd,
    double CapacityHoursThisMonth,
    decimal? CostPerAgentHour);
