using Autoscaler.Grains.Interfaces;

namespace MisterSmith.Worker;

/// <summary>The MisterSmith worker service as the autoscaler should see it: an agent pool of 2 to 100 workers scaled on
/// pending tasks and agent utilization (the seed's <c>worker_scaling</c>).</summary>
public static class WorkerPool
{
    /// <summary>The target: an agent pool on the simulated actuator (swap in <c>ecs</c> with cluster/service settings in production).</summary>
    public static TargetDefinition Definition(string target) => new(
        Id: target,
        Min: 2,
        Max: 100,
        InitialCapacity: 5,
        Actuator: ActuatorBinding.Simulated,
        UnitCostPerHour: 0.04m,
        Priority: 10,
        EvaluationIntervalSeconds: 15,
        AgentPool: new AgentPoolSettings(StalenessSeconds: 30, CostPerAgentHourTarget: 0.10m));

    /// <summary>Scale when pending tasks exceed 100 per worker, and when agents are more than 70 % busy.</summary>
    public static IReadOnlyList<PolicyDefinition> Policies { get; } =
    [
        new("pending-tasks", """
            { "name": "pending-tasks", "type": "targetTracking", "metric": "PendingTaskCount",
              "target": { "type": "AverageValue", "value": 100 },
              "scaleOutCooldownSeconds": 120, "scaleInCooldownSeconds": 300 }
            """),
        new("agent-utilization", """
            { "name": "agent-utilization", "type": "targetTracking", "metric": "AgentUtilization",
              "target": { "type": "Value", "value": 70 },
              "scaleOutCooldownSeconds": 180, "scaleInCooldownSeconds": 600 }
            """),
    ];
}
