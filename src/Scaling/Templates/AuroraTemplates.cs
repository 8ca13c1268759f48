namespace Autoscaler.Scaling.Templates;

/// <summary>
/// Seed 000's Aurora section as threshold policies over the CloudWatch pull source. A trigger "metric past a threshold for
/// a duration" reads the metric's window over that duration: above for the whole window is the window's <c>min</c> above
/// it, below for the whole window its <c>max</c> below it. Scale-up triggers and scale-down triggers are two policies
/// (any policy may scale out, all must agree to scale in); the scale-up policy's own scale-down levels are the
/// scale-down triggers seen over its shorter windows, so it never holds back a scale-in the scale-down policy wants.
/// </summary>
internal static class AuroraTemplates
{
    private const string Source = "seed 000: Aurora Auto-Scaling";

    public static IReadOnlyList<PolicyTemplate> All { get; } =
    [
        new(
            "aurora-serverless",
            "Aurora Serverless v2 minimum capacity, 2-32 ACU in half-ACU units: CPU 70 % for 5 min, connections 80 % for 3 min, "
            + "read latency 0.2 s for 5 min scale up; CPU 30 % for 15 min and connections 40 % for 10 min scale down.",
            Source,
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["cpu"] = "CPUUtilization", ["connections"] = "DatabaseConnectionsPercent", ["readLatency"] = "ReadLatency",
            },
            """
            {
              "target": { "min": 4, "max": 64 },
              "policies": [
                { "name": "aurora-scale-up", "type": "threshold", "scaleUpBy": 4, "scaleDownBy": 1, "cooldownSeconds": 300, "evaluationIntervalSeconds": 60,
                  "thresholds": [
                    { "metric": "{{cpu}}", "aggregation": "min", "window": 300, "scaleUp": 70, "scaleDown": 30 },
                    { "metric": "{{connections}}", "aggregation": "min", "window": 180, "scaleUp": 80, "scaleDown": 40 },
                    { "metric": "{{readLatency}}", "aggregation": "min", "window": 300, "scaleUp": 0.2, "scaleDown": 0.199 } ] },
                { "name": "aurora-scale-down", "type": "threshold", "scaleUpBy": 1, "scaleDownBy": 2, "cooldownSeconds": 900, "evaluationIntervalSeconds": 60,
                  "thresholds": [
                    { "metric": "{{cpu}}", "aggregation": "max", "window": 900, "scaleUp": 101, "scaleDown": 30 },
                    { "metric": "{{connections}}", "aggregation": "max", "window": 600, "scaleUp": 101, "scaleDown": 40 } ] }
              ],
              "behavior": { "scaleDown": { "stabilizationWindowSeconds": 600 } }
            }
            """),
        new(
            "aurora-readers",
            "Aurora read replicas, 1-5 readers: replica lag above 1 s adds a reader, below 100 ms removes one.",
            Source,
            new Dictionary<string, string>(StringComparer.Ordinal) { ["replicaLag"] = "AuroraReplicaLag" },
            """
            {
              "target": { "min": 1, "max": 5 },
              "policies": [
                { "name": "replica-lag", "type": "threshold", "scaleUpBy": 1, "scaleDownBy": 1, "cooldownSeconds": 600, "evaluationIntervalSeconds": 60,
                  "thresholds": [
                    { "metric": "{{replicaLag}}", "aggregation": "avg", "window": 300, "scaleUp": 1000, "scaleDown": 100 } ] }
              ],
              "behavior": { "scaleDown": { "stabilizationWindowSeconds": 900 } }
            }
            """),
    ];
}
