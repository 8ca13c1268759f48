namespace Autoscaler.Grains.Interfaces;

/// <summary>A supervisor's view of its scope.</summary>
/// <param name="Scope">Scope name.</param>
/// <param name="Settings">Switches and limits.</param>
/// <param name="Targets">Every registered target's last report.</param>
/// <param name="TotalCapacity">Sum of the targets' capacity.</param>
/// <param name="ForecastMonthSpend">Sum of the targets' month-end forecasts.</param>
/// <param name="Budget">Budget level of that forecast.</param>
/// <param name="Waiting">Scale-outs trimmed by a limit and still waiting, highest priority first.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.SupervisorStatus")]
public sealed record SupervisorStatus(
    string Scope,
    SupervisorSettings Settings,
    IReadOnlyList<TargetCapacityReport> Targets,
    int TotalCapacity,
    decimal ForecastMonthSpend,
    BudgetStatus Budget,
    IReadOnlyList<TargetCapacityRequest> Waiting);
