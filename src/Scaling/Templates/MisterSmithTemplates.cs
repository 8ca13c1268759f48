namespace Autoscaler.Scaling.Templates;

/// <summary>
/// Seed 000's MisterSmith ECS services. Per-instance averages that ECS/ALB already report as one number (CPU %, memory %,
/// agent utilization, request count per target, response time) track with `Value` (desired = current × value / target);
/// totals (active agents, pending tasks, connections) track with `AverageValue` (one instance per target units).
/// </summary>
internal static class MisterSmithTemplates
{
    private const string Source = "seed 000: ECS Service Auto-Scaling";

    public static IReadOnlyList<PolicyTemplate> All { get; } =
    [
        new(
            "mistersmith-supervisor",
            "Supervisor: CPU 70 %, memory 80 %, 50 active agents per supervisor, CPU step scaling +25 % / +50 %.",
            Source,
            Roles(("cpu", "cpu"), ("memory", "memory"), ("activeAgents", "ActiveAgentCount")),
            """
            {
              "target": { "min": 1, "max": 10, "current": 2 },
              "policies": [
                { "name": "cpu-scaling", "type": "targetTracking", "metric": "{{cpu}}", "target": { "type": "Value", "value": 70 },
                  "scaleOutCooldownSeconds": 300, "scaleInCooldownSeconds": 600 },
                { "name": "memory-scaling", "type": "targetTracking", "metric": "{{memory}}", "target": { "type": "Value", "value": 80 },
                  "scaleOutCooldownSeconds": 300, "scaleInCooldownSeconds": 600 },
                { "name": "active-agents", "type": "targetTracking", "metric": "{{activeAgents}}", "target": { "type": "AverageValue", "value": 50 },
                  "scaleOutCooldownSeconds": 180, "scaleInCooldownSeconds": 900 },
                { "name": "cpu-steps", "type": "stepScaling", "metric": "{{cpu}}", "threshold": 70, "adjustmentType": "PercentChangeInCapacity",
                  "minAdjustmentMagnitude": 1, "cooldownSeconds": 300,
                  "steps": [ { "lower": 0, "upper": 50, "adjustment": 25 }, { "lower": 50, "upper": null, "adjustment": 50 } ] }
              ]
            }
            """),
        new(
            "mistersmith-worker",
            "Worker: 100 pending tasks per worker, agent utilization 70 %, response time 500 ms, business-hours schedule, predictive.",
            Source,
            Roles(("pendingTasks", "PendingTaskCount"), ("agentUtilization", "AgentUtilization"), ("responseTime", "AverageResponseTime")),
            """
            {
              "target": { "min": 2, "max": 100, "current": 5 },
              "policies": [
                { "name": "pending-tasks", "type": "targetTracking", "metric": "{{pendingTasks}}", "target": { "type": "AverageValue", "value": 100 },
                  "scaleOutCooldownSeconds": 120, "scaleInCooldownSeconds": 300 },
                { "name": "agent-utilization", "type": "targetTracking", "metric": "{{agentUtilization}}", "target": { "type": "Value", "value": 70 },
                  "scaleOutCooldownSeconds": 180, "scaleInCooldownSeconds": 600 },
                { "name": "response-time", "type": "targetTracking", "metric": "{{responseTime}}", "target": { "type": "Value", "value": 500 },
                  "scaleOutCooldownSeconds": 120, "scaleInCooldownSeconds": 300 },
                { "name": "predictive", "type": "predictive", "metric": "{{pendingTasks}}", "targetValue": 100, "mode": "ForecastAndScale",
                  "schedulingBufferSeconds": 300, "stepSeconds": 3600, "seasonLength": 24 },
                { "name": "schedule", "type": "scheduled", "actions": [
                  { "name": "business-hours-scale-up", "schedule": "0 8 * * MON-FRI", "minCapacity": 10, "maxCapacity": 100, "desiredCapacity": 20 },
                  { "name": "off-hours-scale-down", "schedule": "0 18 * * MON-FRI", "minCapacity": 2, "maxCapacity": 50, "desiredCapacity": 5 } ] }
              ]
            }
            """),
        new(
            "mistersmith-gateway",
            "Gateway: 800 connections per instance, 1000 requests per target, response time 200 ms.",
            Source,
            Roles(("connections", "ActiveConnectionCount"), ("requestsPerTarget", "RequestCountPerTarget"), ("responseTime", "TargetResponseTime")),
            """
            {
              "target": { "min": 2, "max": 20, "current": 3 },
              "policies": [
                { "name": "connection-count", "type": "targetTracking", "metric": "{{connections}}", "target": { "type": "AverageValue", "value": 800 },
                  "scaleOutCooldownSeconds": 180, "scaleInCooldownSeconds": 300 },
                { "name": "request-rate", "type": "targetTracking", "metric": "{{requestsPerTarget}}", "target": { "type": "Value", "value": 1000 },
                  "scaleOutCooldownSeconds": 120, "scaleInCooldownSeconds": 600 },
                { "name": "response-time", "type": "targetTracking", "metric": "{{responseTime}}", "target": { "type": "Value", "value": 200 },
                  "scaleOutCooldownSeconds": 60, "scaleInCooldownSeconds": 300 }
              ]
            }
            """),
    ];

    private static Dictionary<string, string> Roles(params (string Role, string Metric)[] roles) =>
        roles.ToDictionary(r => r.Role, r => r.Metric, StringComparer.Ordinal);
}
