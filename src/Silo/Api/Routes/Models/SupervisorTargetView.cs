namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary>A target's last report to its supervisor.</summary>
public sealed record SupervisorTargetView(string Target, int Capacity, int Priority, decimal UnitCostPerHour, decimal ForecastMonthSpend);
