using System.Globalization;

namespace Autoscaler.Scaling.Templates;

/// <summary>
/// Seed 004's five general presets: one weighted multi-metric score (CPU/100, memory/100, response time/5000 ms,
/// error rate/10 %, requests/1000 per s) whose thresholds, step sizes, cooldown and behavior differ by appetite.
/// </summary>
internal static class GeneralTemplates
{
    private static readonly Dictionary<string, string> Roles = new(StringComparer.Ordinal)
    {
        ["cpu"] = "cpu",
        ["memory"] = "memory",
        ["responseTime"] = "responseTime",
        ["errorRate"] = "errorRate",
        ["requests"] = "requests",
    };

    public static IReadOnlyList<PolicyTemplate> All { get; } =
    [
        Score("conservative", "Scales late and slowly; long scale-in stabilization.", 0.8, 0.2, 1, 1, 600, 300, 600),
        Score("balanced", "General purpose: 0.7 / 0.3 score thresholds, one instance at a time.", 0.7, 0.3, 1, 1, 300, 0, 300),
        Score("aggressive", "Scales early by two, short cooldown; for spiky traffic.", 0.6, 0.4, 2, 1, 120, 0, 180),
        Score("cost-optimized", "Tolerates high load, gives capacity back quickly.", 0.85, 0.4, 1, 2, 300, 60, 120),
        Score("performance", "Keeps headroom: scales at 0.5 by three, scales in reluctantly.", 0.5, 0.2, 3, 1, 60, 0, 900),
    ];

    private static PolicyTemplate Score(
        string name, string description, double up, double down, int upBy, int downBy, int cooldown, int upWindow, int downWindow)
    {
        string N(double value) => value.ToString(CultureInfo.InvariantCulture);
        var document = $$"""
            {
              "target": { "min": 1, "max": 10 },
              "policies": [
                { "name": "{{name}}-score", "type": "weightedScore",
                  "scaleUpThreshold": {{N(up)}}, "scaleDownThreshold": {{N(down)}}, "scaleUpBy": {{upBy}}, "scaleDownBy": {{downBy}},
                  "cooldownSeconds": {{cooldown}},
                  "metrics": [
                    { "metric": "{{"{{cpu}}"}}", "weight": 0.3, "normalizeMax": 100, "aggregation": "avg", "window": 60 },
                    { "metric": "{{"{{memory}}"}}", "weight": 0.2, "normalizeMax": 100, "aggregation": "avg", "window": 60 },
                    { "metric": "{{"{{responseTime}}"}}", "weight": 0.2, "normalizeMax": 5000, "aggregation": "p95", "window": 60 },
                    { "metric": "{{"{{errorRate}}"}}", "weight": 0.1, "normalizeMax": 10, "aggregation": "avg", "window": 60 },
                    { "metric": "{{"{{requests}}"}}", "weight": 0.2, "normalizeMax": 1000, "aggregation": "avg", "window": 60 } ] }
              ],
              "behavior": {
                "scaleUp": { "stabilizationWindowSeconds": {{upWindow}} },
                "scaleDown": { "stabilizationWindowSeconds": {{downWindow}} }
              }
            }
            """;
        return new PolicyTemplate(name, description, "seed 004: autoScaling.ts policy templates, weighted scoring", Roles, document);
    }
}
