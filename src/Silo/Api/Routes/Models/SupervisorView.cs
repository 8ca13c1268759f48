namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary>A supervisor scope: switches, limits, usage and budget level (<c>ok</c> | <c>warning</c> | <c>critical</c>).</summary>
public sealed record SupervisorView(
    string Scope,
    bool Enabled,
    bool DryRun,
    LimitsView Limits,
    int TotalCapacity,
    decimal ForecastMonthSpend,
    string Budget,
    int Waiting,
    IReadOnlyList<SupervisorTargetView> Targets);
