using System.Globalization;

namespace Autoscaler.EndToEnd.Benchmarks;

/// <summary>
/// The first reaction after start against its baseline in one run: each turn starts a silo with the warm-ups switched
/// off (<c>Actuators:WarmUp:Enabled=false</c>, <c>Decisions:WarmUp:Enabled=false</c>), then one with them on, and
/// measures (c) on each; then a summary.
/// </summary>
internal static class FirstReactionTurns
{
    public static async Task<IReadOnlyList<E2eResult>> RunAsync(string natsUrl, BenchSettings settings)
    {
        var turns = int.TryParse(Environment.GetEnvironmentVariable("BENCH_TURNS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 3;
        var results = new List<E2eResult>();
        for (var turn = 1; turn <= turns; turn++)
        {
            foreach (var warm in new[] { false, true })
            {
                var mode = warm ? "warm-up on" : "warm-up off (baseline)";
                Console.WriteLine($"turn {turn}, {mode}");
                await using var silo = await BenchSilo.StartAsync(natsUrl, new Dictionary<string, string>
                {
                    ["Actuators__WarmUp__Enabled"] = warm ? "true" : "false",
                    ["Decisions__WarmUp__Enabled"] = warm ? "true" : "false",
                });
                var measured = await new Phases(silo, natsUrl, settings).ReactionsAfterStartAsync();
                results.AddRange(measured.Select(r => r with { Scenario = $"{mode}, turn {turn}: {r.Scenario}" }));
            }
        }

        foreach (var mode in new[] { "warm-up off (baseline)", "warm-up on" })
        {
            foreach (var scenario in new[] { "(c) first reaction after start (cold actuation path)", "(c) reaction latency p99" })
            {
                var values = results.Where(r => r.Scenario.StartsWith(mode + ",", StringComparison.Ordinal) && r.Scenario.EndsWith(scenario, StringComparison.Ordinal))
                    .Select(r => r.Value).Order().ToArray();
                if (values.Length == 0)
                {
                    continue;
                }

                var goal = scenario.Contains("first", StringComparison.Ordinal) ? 15 : 10;
                results.Add(new E2eResult($"{mode}: {scenario}, median of turns", values[values.Length / 2], "ms", $"≤ {goal} ms",
                    values[values.Length / 2] <= goal, $"turns: {string.Join(" / ", values.Select(v => v.ToString("F1", CultureInfo.InvariantCulture)))} ms"));
            }
        }

        return results;
    }
}
