using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Grains.Supervision;

/// <summary>Persisted state of a <see cref="SupervisorGrain"/>.</summary>
[GenerateSerializer, Alias("autoscaler.SupervisorState")]
public sealed class SupervisorState
{
    /// <summary>Switches and limits.</summary>
    [Id(0)]
    public SupervisorSettings Settings { get; set; } = SupervisorSettings.Default;

    /// <summary>Last report of every registered target, by id.</summary>
    [Id(1)]
    public Dictionary<string, TargetCapacityReport> Targets { get; set; } = [];

    /// <summary>Trimmed scale-outs still waiting, with the time they were last asked for.</summary>
    [Id(2)]
    public Dictionary<string, WaitingRequest> Waiting { get; set; } = [];

    /// <summary>Budget actions: the period, the thresholds fired in it, the max capacities to restore, the steps left.</summary>
    [Id(3)]
    public Budget.BudgetLedger Budget { get; set; } = new();

    /// <summary>A copy that later changes to this one do not touch (the group commit writes copies).</summary>
    public SupervisorState Copy() => new()
    {
        Settings = Settings,
        Targets = new Dictionary<string, TargetCapacityReport>(Targets),
        Waiting = new Dictionary<string, WaitingRequest>(Waiting),
        Budget = Budget.Copy(),
    };
}
