using System.Globalization;

namespace Autoscaler.Scaling.Templates;

/// <summary>
/// Seed 004's six workload presets (scalingPolicies.ts), as threshold rules with the seed's scale-up/scale-down levels:
/// web-app balanced 70/30 and aggressive 60/40, API performance 60/40 plus a p95 latency rule, batch cost-optimized
/// 80/20 plus queue depth, ML GPU 75/25 plus queue depth, dev minimal 90/10.
/// </summary>
internal static class WorkloadTemplates
{
    public static IReadOnlyList<PolicyTemplate> All { get; } =
    [
        Rules("web-app-balanced", "General web applications: CPU and memory 70 % / 30 %.", 2, 10, 1, 1, 300,
            [("cpu", 70, 30, "avg"), ("memory", 70, 30, "avg")]),
        Rules("web-app-aggressive", "High-traffic web applications: 60 % / 40 %, scales by two.", 2, 20, 2, 1, 120,
            [("cpu", 60, 40, "avg"), ("memory", 60, 40, "avg")]),
        Rules("api-performance", "Low-latency APIs: CPU 60 % / 40 % and p95 latency 300 ms / 100 ms.", 2, 20, 2, 1, 120,
            [("cpu", 60, 40, "avg"), ("latency", 300, 100, "p95")]),
        Rules("batch-cost-optimized", "Batch processing: CPU 80 % / 20 % and queue depth 100 / 10.", 0, 10, 1, 1, 600,
            [("cpu", 80, 20, "avg"), ("queue", 100, 10, "max")]),
        Rules("ml-gpu", "GPU inference or training: GPU 75 % / 25 % and queue depth 10 / 2.", 1, 8, 1, 1, 600,
            [("gpu", 75, 25, "avg"), ("queue", 10, 2, "max")]),
        Rules("dev-minimal", "Development environments: CPU 90 % / 10 %, one to three instances.", 1, 3, 1, 1, 900,
            [("cpu", 90, 10, "avg")]),
    ];

    private static PolicyTemplate Rules(
        string name, string description, int min, int max, int upBy, int downBy, int cooldown,
        (string Role, double Up, double Down, string Aggregation)[] rules)
    {
        var roles = rules.Select(r => r.Role).Distinct().ToDictionary(r => r, r => r, StringComparer.Ordinal);
        var thresholds = string.Join(
            ",\n        ",
            rules.Select(r => string.Create(
                CultureInfo.InvariantCulture,
                $$"""{ "metric": "{{"{{"}}{{r.Role}}{{"}}"}}", "aggregation": "{{r.Aggregation}}", "window": 300, "scaleUp": {{r.Up}}, "scaleDown": {{r.Down}}, "comparison": "greater_than" }""")));
        var document = $$"""
            {
              "target": { "min": {{min}}, "max": {{max}} },
              "policies": [
                { "name": "{{name}}", "type": "threshold", "scaleUpBy": {{upBy}}, "scaleDownBy": {{downBy}},
                  "cooldownSeconds": {{cooldown}}, "evaluationIntervalSeconds": 60,
                  "thresholds": [
                    {{thresholds}} ] }
              ],
              "behavior": { "scaleDown": { "stabilizationWindowSeconds": {{cooldown}} } }
            }
            """;
        return new PolicyTemplate(name, description, "seed 004: scalingPolicies.ts workload templates", roles, document);
    }
}
