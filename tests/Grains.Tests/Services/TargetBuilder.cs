using Autoscaler.Ports.Telemetry;
using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Grains.Tests.Services;

/// <summary>Targets and policies for the service grain tests.</summary>
internal static class TargetBuilder
{
    public static string NewId() => $"svc-{Guid.NewGuid():N}"[..20];

    public static TargetDefinition Simulated(string id, int min = 1, int max = 10, int initial = 2, ScalingFlags? flags = null, string scope = "default") =>
        new(id, min, max, initial, ActuatorBinding.Simulated, UnitCostPerHour: 0.10m, Flags: flags, EvaluationIntervalSeconds: 15, Scope: scope);

    /// <summary>Kubernetes AverageValue on per-instance <c>cpu</c>: desired = ceil(current × average / target).</summary>
    public static PolicyDefinition CpuAverage(double target = 50) =>
        new("cpu", $$"""{ "name": "cpu", "type": "targetTracking", "metric": "cpu", "target": { "type": "AverageValue", "value": {{target}} } }""");

    public static TelemetrySample Cpu(string source, DateTimeOffset at, double value) =>
        new(source, at, new Dictionary<string, double> { ["cpu"] = value });
}
