using System.Net.Http.Json;
using System.Text;

namespace Autoscaler.Integration.Tests.Api.Routes;

/// <summary>Request bodies the route tests send.</summary>
public static class Bodies
{
    /// <summary>A simulated target, 2 units at start, evaluated every second.</summary>
    public static object Target(int min = 1, int max = 10, int initial = 2) => new
    {
        min,
        max,
        initialCapacity = initial,
        actuator = new { kind = "simulated" },
        unitCostPerHour = 0.05m,
        evaluationIntervalSeconds = 1,
    };

    /// <summary>Target tracking on <c>cpu</c>: one instance per 50 units on average.</summary>
    public const string CpuPolicy =
        """{ "name": "cpu", "type": "targetTracking", "metric": "cpu", "target": { "type": "AverageValue", "value": 50 } }""";

    /// <summary>Two instances each reporting <paramref name="cpu"/>.</summary>
    public static string Telemetry(double cpu) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $$"""[ { "source": "task-1", "metrics": { "cpu": {{cpu}} } }, { "source": "task-2", "metrics": { "cpu": {{cpu}} } } ]""");

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static JsonContent Json(object value) => JsonContent.Create(value);
}
