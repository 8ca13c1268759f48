using System.Globalization;
using System.Text.Json.Nodes;
using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Registration.Benchmarks;

/// <summary>The registered fleet: <c>count</c> simulated targets, each with one CPU target-tracking policy.</summary>
internal static class Fleet
{
    public const string CpuPolicy = """{ "name": "cpu", "type": "targetTracking", "metric": "cpu", "target": { "type": "AverageValue", "value": 50 } }""";

    public static string Id(string prefix, int i) => string.Create(CultureInfo.InvariantCulture, $"{prefix}-{i:D5}");

    public static TargetDefinition Definition(string id) => new(id, 1, 20, 2, ActuatorBinding.Simulated);

    public static IReadOnlyList<TargetSpec> Specs(string prefix, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new TargetSpec(Definition(Id(prefix, i)), [new PolicyDefinition("cpu", CpuPolicy)]))];

    /// <summary>The body of <c>POST /api/autoscaling/fleet</c> for the same fleet.</summary>
    public static JsonObject Request(string prefix, int count) => new()
    {
        ["targets"] = new JsonArray([.. Enumerable.Range(0, count).Select(i => (JsonNode)new JsonObject
        {
            ["id"] = Id(prefix, i),
            ["min"] = 1,
            ["max"] = 20,
            ["initialCapacity"] = 2,
            ["actuator"] = new JsonObject { ["kind"] = "simulated" },
            ["policies"] = new JsonArray(JsonNode.Parse(CpuPolicy)),
        })]),
    };
}
