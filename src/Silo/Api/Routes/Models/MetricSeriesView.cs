namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary>One metric's per-minute averages, oldest first, with its current aggregates and instance counts.</summary>
public sealed record MetricSeriesView(
    string Metric, string? Unit, IReadOnlyList<MetricPointView> Points, int Instances, int Missing, IReadOnlyDictionary<string, double> Aggregates);
