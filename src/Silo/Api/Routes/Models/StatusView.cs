namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary><c>GET /status</c>: the dashboard contract's fields, then limits, totals, budget level and per-target lines.</summary>
public sealed record StatusView(
    bool Enabled,
    bool DryRun,
    string Storage,
    int Silos,
    TargetCounts Targets,
    DateTimeOffset AsOf,
    string Version,
    LimitsView Limits,
    int TotalCapacity,
    decimal ForecastMonthSpend,
    string Budget,
    IReadOnlyList<TargetSummary> Summary);
