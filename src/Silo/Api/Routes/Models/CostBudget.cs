namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary>The monthly budget and its warning and critical levels as fractions (0.75 = 75 %).</summary>
public sealed record CostBudget(decimal Monthly, double WarnAt, double CriticalAt);
