namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary><c>GET /targets/{id}/metrics</c> (DashboardContract.md).</summary>
public sealed record MetricsView(
    string Target,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<MetricSeriesView> Series,
    IReadOnlyList<ThresholdView> Thresholds,
    IReadOnlyList<MetricPointView> Replicas);
