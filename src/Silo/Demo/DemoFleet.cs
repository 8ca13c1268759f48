using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Silo.Demo;

/// <summary>The MisterSmith-shaped fleet of seed 000: supervisor, worker (an agent pool) and gateway services.</summary>
internal static class DemoFleet
{
    public const string Supervisor = "mistersmith-supervisor";
    public const string Worker = "mistersmith-worker";
    public const string Gateway = "mistersmith-gateway";

    /// <summary>Scale-down after one demo minute of lower load instead of Kubernetes' five, so a visit sees both directions.</summary>
    private const string Behavior = """
        { "scaleUp": { "stabilizationWindowSeconds": 0, "selectPolicy": "Max", "policies": [ { "type": "Pods", "value": 4, "periodSeconds": 15 } ] },
          "scaleDown": { "stabilizationWindowSeconds": 60, "selectPolicy": "Max", "policies": [ { "type": "Percent", "value": 50, "periodSeconds": 30 } ] } }
        """;

    public static IReadOnlyList<(TargetDefinition Target, PolicyDefinition[] Policies)> Targets(int startupDelaySeconds)
    {
        ActuatorBinding Simulated(int initial) => new("simulated", new Dictionary<string, string>
        {
            ["initialCapacity"] = initial.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["startupDelaySeconds"] = startupDelaySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        return
        [
            (new TargetDefinition(Supervisor, 2, 10, 2, Simulated(2), UnitCostPerHour: 0.0494m, Priority: 10, EvaluationIntervalSeconds: 5, BehaviorJson: Behavior),
                [Policy("cpu", "targetTracking", "\"metric\": \"cpu\", \"target\": { \"type\": \"AverageValue\", \"value\": 70 }")]),
            (new TargetDefinition(Worker, 2, 100, 5, Simulated(5), UnitCostPerHour: 0.0247m, Priority: 5, EvaluationIntervalSeconds: 5,
                    BehaviorJson: Behavior, AgentPool: new AgentPoolSettings(StalenessSeconds: 15)),
                [
                    Policy("pending-tasks", "targetTracking", "\"metric\": \"pending_tasks\", \"target\": { \"type\": \"AverageValue\", \"value\": 10 }"),
                    Policy("agent-utilization", "targetTracking", "\"metric\": \"utilization\", \"target\": { \"type\": \"AverageValue\", \"value\": 70 }"),
                ]),
            (new TargetDefinition(Gateway, 2, 20, 3, Simulated(3), UnitCostPerHour: 0.0988m, Priority: 8, EvaluationIntervalSeconds: 5, BehaviorJson: Behavior),
                [
                    Policy("connection-count", "targetTracking", "\"metric\": \"connections\", \"target\": { \"type\": \"AverageValue\", \"value\": 800 }"),
                    Policy("response-time", "stepScaling",
                        "\"metric\": \"response_time_ms\", \"threshold\": 200, \"adjustmentType\": \"ChangeInCapacity\", \"cooldownSeconds\": 60, " +
                        "\"steps\": [ { \"lower\": 0, \"upper\": 300, \"adjustment\": 1 }, { \"lower\": 300, \"upper\": null, \"adjustment\": 3 } ]"),
                ]),
        ];
    }

    private static PolicyDefinition Policy(string name, string type, string body) =>
        new(name, $$"""{ "name": "{{name}}", "type": "{{type}}", {{body}} }""");
}
