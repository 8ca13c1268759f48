namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary>One chart point.</summary>
public sealed record MetricPointView(DateTimeOffset At, double Value);
