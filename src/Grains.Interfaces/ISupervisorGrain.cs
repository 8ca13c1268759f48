namespace Autoscaler.Grains.Interfaces;

/// <summary>
/// Arbitrates scale decisions for every target in one scope (key: the scope name, <c>default</c> unless configured):
/// keeps the registry of targets, enforces the total-capacity cap and the monthly budget, ranks by priority when limits
/// bind, and holds the scope's global enable and dry-run switches. Calls are serialized, so limits hold under concurrent
/// scale-outs from many targets.
/// </summary>
[Alias("autoscaler.ISupervisorGrain")]
public interface ISupervisorGrain : IGrainWithStringKey
{
    /// <summary>Registers a target or refreshes its capacity, priority and spend.</summary>
    [Alias("Report")]
    public Task ReportAsync(TargetCapacityReport report);

    /// <summary>Registers or refreshes many targets in one write (a fleet applied at once).</summary>
    [Alias("ReportMany")]
    public Task ReportManyAsync(IReadOnlyList<TargetCapacityReport> reports);

    /// <summary>Removes a target from the scope.</summary>
    [Alias("Unregister")]
    public Task UnregisterAsync(string target);

    /// <summary>Approves, trims or refuses a capacity change; an approved change counts toward the limits at once.</summary>
    [Alias("RequestCapacity")]
    public Task<ScaleApproval> RequestCapacityAsync(TargetCapacityRequest request);

    /// <summary>Replaces the scope's switches and limits.</summary>
    [Alias("Configure")]
    public Task<SupervisorStatus> ConfigureAsync(SupervisorSettings settings);

    /// <summary>Checks the scope's budget actions now (they are also checked on the targets' reports) and carries out what
    /// is due; returns how many steps still wait (a target or the history store did not answer: retried at the next check).</summary>
    [Alias("CheckBudget")]
    public Task<int> CheckBudgetAsync();

    /// <summary>The scope's settings, targets and usage.</summary>
    [Alias("GetStatus")]
    public Task<SupervisorStatus> GetStatusAsync();
}
