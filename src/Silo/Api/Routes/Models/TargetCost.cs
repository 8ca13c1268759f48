namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary>One target's run rate and spend. <c>unitHourly</c> is the price of one running instance-hour in effect:
/// with <c>pricedBy</c> <c>size</c>, the size (<c>vcpu</c>, <c>memoryGiB</c>, from <c>sizeSource</c>: configured or
/// applied) priced by the price model with its <c>spotShare</c>; with <c>unit</c>, the target's own unit price.</summary>
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
    decimal? CostPerAgentHour,
    string PricedBy = "unit",
    double? Vcpu = null,
    double? MemoryGiB = null,
    string? SizeSource = null,
    double? SpotShare = null);
