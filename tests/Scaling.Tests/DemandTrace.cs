using System.Globalization;
using System.Text;
using Autoscaler.Scaling.Json;
using Autoscaler.Scaling.Simulation;

namespace Autoscaler.Scaling.Tests;

/// <summary>Builds demand-mode simulate documents for tests: a total demand per entry, one metric.</summary>
internal static class DemandTrace
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A daily-seasonal request rate: 3,000 + 2,000·sin over the day, plus a weekly dip on weekends.</summary>
    public static double Daily(DateTimeOffset at)
    {
        var hour = at.TimeOfDay.TotalHours;
        var weekend = at.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.7 : 1.0;
        return weekend * (3000 + (2000 * Math.Sin(2 * Math.PI * (hour - 6) / 24)));
    }

    /// <summary>The same without the weekend dip: a purely daily-seasonal rate.</summary>
    public static double DailyOnly(DateTimeOffset at) => 3000 + (2000 * Math.Sin(2 * Math.PI * (at.TimeOfDay.TotalHours - 6) / 24));

    /// <summary>A document with <paramref name="policies"/> over <paramref name="entries"/> entries every <paramref name="stepSeconds"/>.</summary>
    public static string Document(
        string policies, int entries, int stepSeconds, Func<DateTimeOffset, double> demand, int interval = 60, int delay = 0,
        string target = """{ "current": 2, "min": 1, "max": 100 }""", double perInstance = 1000, string extra = "")
    {
        var json = new StringBuilder();
        json.Append(CultureInfo.InvariantCulture, $$"""
            { "target": {{target}}, "policies": {{policies}}, "evaluationIntervalSeconds": {{interval}}, "actuationDelaySeconds": {{delay}},
              "unitCostPerHour": 0.5, "demand": { "requests": { "perInstance": {{perInstance}} } }{{extra}}, "trace": [
            """);
        for (var i = 0; i < entries; i++)
        {
            var at = Start.AddSeconds((double)i * stepSeconds);
            json.Append(i == 0 ? string.Empty : ",").Append(CultureInfo.InvariantCulture, $$"""{ "at": "{{at:yyyy-MM-ddTHH:mm:ssZ}}", "demand": { "requests": {{Math.Round(demand(at), 3)}} } }""");
        }

        return json.Append("] }").ToString();
    }

    public static SimulationRequest Read(string json) => ScalingDocuments.ReadSimulation(Encoding.UTF8.GetBytes(json));

    public static SimulationResult Run(string json, SimulationOptions? options = null) => Simulator.Run(Read(json), options ?? SimulationOptions.SummaryOnly);

    public static string Error(string json) =>
        Assert.Throws<Validation.ScalingInputException>(() => Read(json)).Errors[0].ToString();
}
