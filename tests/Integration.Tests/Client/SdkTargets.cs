using Autoscaler.Ports.Telemetry;
using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Integration.Tests.Client;

/// <summary>Targets, policies and samples for the SDK tests.</summary>
internal static class SdkTargets
{
    public static string NewId() => $"sdk-{Guid.NewGuid():N}"[..16];

    public static TargetDefinition Simulated(string id, string scope = "default") =>
        new(id, Min: 1, Max: 10, InitialCapacity: 2, ActuatorBinding.Simulated, UnitCostPerHour: 0.05m, Scope: scope);

    /// <summary>desired = ceil(current × average cpu / 50).</summary>
    public static PolicyDefinition CpuAverage { get; } =
        new("cpu", """{ "name": "cpu", "type": "targetTracking", "metric": "cpu", "target": { "type": "AverageValue", "value": 50 } }""");

    public static TelemetrySample Cpu(string source, double value) =>
        new(source, DateTimeOffset.UtcNow, new Dictionary<string, double> { ["cpu"] = value });
}
