namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary>Month-end spend forecast and its level: <c>ok</c> | <c>warning</c> | <c>critical</c>.</summary>
public sealed record CostForecast(decimal MonthEnd, string Status);
