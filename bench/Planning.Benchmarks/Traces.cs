using System.Globalization;
using System.Text;

namespace Autoscaler.Planning.Benchmarks;

/// <summary>Synthetic demand traces (deterministic): a daily cycle, quieter weekends, noise.</summary>
internal static class Traces
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    public static double Demand(DateTimeOffset at, Random random, bool weekly)
    {
        var daily = 900 + (700 * Math.Sin(2 * Math.PI * (at.TimeOfDay.TotalHours - 8) / 24));
        var weekend = weekly && at.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.65 : 1.0;
        return Math.Max(0, daily * weekend * (1 + (0.06 * Gaussian(random))));
    }

    /// <summary>A demand-mode simulate document: <paramref name="entries"/> entries every <paramref name="stepSeconds"/> s.</summary>
    public static string Document(string policies, int entries, int stepSeconds, int interval, bool weekly, double perInstance = 100, int seed = 15)
    {
        var random = new Random(seed);
        var json = new StringBuilder(entries * 64);
        json.Append(CultureInfo.InvariantCulture, $$$"""
            {"target":{"current":6,"min":2,"max":60},"policies":{{{policies}}},"evaluationIntervalSeconds":{{{interval}}},"actuationDelaySeconds":120,
            "unitCostPerHour":0.0405,"demand":{"cpu":{"perInstance":{{{perInstance}}}}},"trace":[
            """);
        for (var i = 0; i < entries; i++)
        {
            var at = Start.AddSeconds((double)i * stepSeconds);
            json.Append(i == 0 ? string.Empty : ",")
                .Append(CultureInfo.InvariantCulture, $$$"""{"at":"{{{at:yyyy-MM-ddTHH:mm:ssZ}}}","demand":{"cpu":{{{Math.Round(Demand(at, random, weekly), 1)}}}}}""");
        }

        return json.Append("]}").ToString();
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
