using System.Globalization;
using Autoscaler.Grains.Interfaces;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace Autoscaler.EndToEnd.Benchmarks;

/// <summary>
/// Issue 19 goal 2 in one run (<c>bench/run-e2e.sh --jetstream</c>): three silos side by side on the same nats-server —
/// core mode as shipped, core mode with a larger client subscription buffer (the cheap fix), and jetstream mode — each with
/// its own targets and subject prefix. Each turn measures the bare subscriber's ceiling, then the same 200,000
/// single-sample burst into each silo, then a batched burst into each; every turn is reported and the spread summarised.
/// </summary>
internal static class IngestionModeTurns
{
    private const string Stream = "BENCH_TELEMETRY";

    private static readonly (string Name, string Prefix, Dictionary<string, string> Settings)[] Modes =
    [
        ("core", "telemetry", new()),
        ("core, SubscriptionCapacity 1,048,576", "ctelemetry", new() { ["Telemetry__Prefix"] = "ctelemetry", ["Telemetry__SubscriptionCapacity"] = "1048576" }),
        ("jetstream", "jtelemetry", new()
        {
            ["Telemetry__Prefix"] = "jtelemetry", ["Telemetry__Mode"] = "jetstream", ["Telemetry__JetStream__Stream"] = Stream,
            ["Telemetry__JetStream__Consumer"] = "bench-silos",
        }),
    ];

    public static async Task<IReadOnlyList<E2eResult>> RunAsync(string natsUrl, BenchSettings settings)
    {
        var turns = int.TryParse(Environment.GetEnvironmentVariable("BENCH_TURNS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 3;
        await using var nats = new NatsConnection(new NatsOpts { Url = natsUrl, Name = "e2e-modes", SubPendingChannelFullMode = System.Threading.Channels.BoundedChannelFullMode.Wait });
        await nats.ConnectAsync();
        var js = new NatsJSContext(nats);
        var ids = Enumerable.Range(0, settings.Targets).Select(i => $"e2e-{i:D5}").ToList();
        var silos = new List<(string Name, string Prefix, BenchSilo Silo, Phases Phases)>();
        try
        {
            foreach (var (name, prefix, extra) in Modes)
            {
                Console.WriteLine($"starting the {name} silo");
                var silo = await BenchSilo.StartAsync(natsUrl, extra);
                await Targets.RegisterAsync(silo.Client, ids, ActuatorBinding.Simulated);
                silos.Add((name, prefix, silo, new Phases(silo, natsUrl, settings)));
            }

            await Task.Delay(TimeSpan.FromSeconds(3)); // the silos' catalogs learn the targets
            return [.. await TurnsAsync(nats, js, ids, silos, turns, settings), .. DuplicateFilterMemory.Measure()];
        }
        finally
        {
            foreach (var entry in silos)
            {
                await entry.Silo.DisposeAsync();
            }

            await DeleteStreamAsync(js);
        }
    }

    private static async Task<IReadOnlyList<E2eResult>> TurnsAsync(
        NatsConnection nats, NatsJSContext js, List<string> ids, List<(string Name, string Prefix, BenchSilo Silo, Phases Phases)> silos,
        int turns, BenchSettings settings)
    {
        var results = new List<E2eResult>();
        var start = DateTimeOffset.UtcNow.AddMinutes(-40).ToUnixTimeMilliseconds();
        var applied = silos.ToDictionary(s => s.Name, _ => 0L);
        var singles = silos.ToDictionary(s => s.Name, _ => new List<(double Rate, long Applied, double Ratio)>());
        var batches = silos.ToDictionary(s => s.Name, _ => new List<(double Rate, long Applied)>());
        var ceilings = new List<double>();
        var random = new Random(19);
        foreach (var (name, prefix, silo, phases) in silos)
        {
            // Warm-up, not measured: one sample from every agent of every target.
            var warmUp = ids.SelectMany(id => Enumerable.Range(0, Payloads.Agents).Select(a => ($"{prefix}.{id}", Payloads.Single(a, start - 1000, 2.0)))).ToList();
            applied[name] += (await phases.PublishAndCountAsync(nats, ids, warmUp, applied[name])).Applied;
        }

        for (var turn = 0; turn < turns; turn++)
        {
            Console.WriteLine($"turn {turn + 1}");
            var ceiling = await silos[0].Phases.CeilingAsync(nats);
            ceilings.Add(ceiling);
            var singleCount = ids.Count * Payloads.Agents * settings.SingleRounds;
            var batchCount = ids.Count * settings.BatchRounds;
            foreach (var (name, prefix, silo, phases) in silos)
            {
                var single = Burst(ids, prefix, settings.SingleRounds, round => start + (((turn * settings.SingleRounds) + round) * 1000L), random, batched: false);
                var s = await phases.PublishAndCountAsync(nats, ids, single, applied[name]);
                applied[name] += s.Applied;
                singles[name].Add((s.Rate, s.Applied, s.Rate / ceiling));
                results.Add(new E2eResult($"turn {turn + 1}, {name}: single-sample burst", s.Rate, "samples/s", null, null,
                    $"{s.Applied} of {singleCount} applied ({Loss(s.Applied, singleCount)} lost) in {s.Seconds:F2} s, {100 * s.Rate / ceiling:F0} % of this turn's ceiling {ceiling / 1000:F0} k/s, {s.SamplesPerCall:F1} samples per grain call; counters {await silo.TelemetryCountersAsync()}"));
            }

            foreach (var (name, prefix, silo, phases) in silos)
            {
                var offset = (turns * settings.SingleRounds) + (turn * settings.BatchRounds);
                var burst = Burst(ids, prefix, settings.BatchRounds, round => start + ((offset + round) * 1000L), random, batched: true);
                var b = await phases.PublishAndCountAsync(nats, ids, burst, applied[name]);
                applied[name] += b.Applied;
                batches[name].Add((b.Rate, b.Applied));
                results.Add(new E2eResult($"turn {turn + 1}, {name}: batched burst (10 samples/msg)", b.Rate, "samples/s", null, null,
                    $"{b.Applied} of {batchCount * Payloads.Agents} applied ({Loss(b.Applied, batchCount * Payloads.Agents)} lost) in {b.Seconds:F2} s, {b.SamplesPerCall:F1} samples per grain call"));
            }
        }

        results.Add(new E2eResult("(a) ceiling: bare NATS.Client.Core subscriber, median of turns", Median(ceilings), "samples/s", null, null,
            $"turns: {Spread(ceilings)}; 200000 single-sample messages each"));
        foreach (var (name, _, _, _) in silos)
        {
            var ratios = singles[name].Select(t => t.Ratio).ToList();
            var lost = singles[name].Select(t => (double)(ids.Count * Payloads.Agents * settings.SingleRounds) - t.Applied).ToList();
            var jet = name == "jetstream";
            results.Add(new E2eResult($"{name}: single-sample burst, median of turns", Median(singles[name].Select(t => t.Rate)), "samples/s",
                jet ? "zero loss" : "≥ 80 % of (a)", jet ? lost.All(l => l == 0) : Median(ratios) >= 0.8,
                $"turns: {Spread(singles[name].Select(t => t.Rate))}; of the turn's ceiling: {string.Join(" / ", ratios.Select(r => $"{100 * r:F0} %"))} (median {100 * Median(ratios):F0} %); samples lost per turn: {string.Join(" / ", lost.Select(l => l.ToString("F0", CultureInfo.InvariantCulture)))}"));
            var batchLost = batches[name].Select(t => (double)(ids.Count * settings.BatchRounds * Payloads.Agents) - t.Applied).ToList();
            results.Add(new E2eResult($"{name}: batched burst, median of turns", Median(batches[name].Select(t => t.Rate)), "samples/s",
                jet ? "zero loss" : null, jet ? batchLost.All(l => l == 0) : null,
                $"turns: {Spread(batches[name].Select(t => t.Rate))}; samples lost per turn: {string.Join(" / ", batchLost.Select(l => l.ToString("F0", CultureInfo.InvariantCulture)))}"));
        }

        return results;
    }

    private static List<(string Subject, byte[] Payload)> Burst(List<string> ids, string prefix, int rounds, Func<int, long> at, Random random, bool batched)
    {
        var burst = new List<(string, byte[])>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var id in ids)
            {
                if (batched)
                {
                    burst.Add(($"{prefix}.{id}", Payloads.Batch(at(round), 2 + (random.Next(30) / 10.0))));
                    continue;
                }

                for (var agent = 0; agent < Payloads.Agents; agent++)
                {
                    burst.Add(($"{prefix}.{id}", Payloads.Single(agent, at(round), 2 + (random.Next(75) / 10.0))));
                }
            }
        }

        return burst;
    }

    private static string Loss(long applied, long published) => (published - applied).ToString(CultureInfo.InvariantCulture);

    private static string Spread(IEnumerable<double> values) => string.Join(" / ", values.Select(v => $"{v / 1000:F0} k"));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static async Task DeleteStreamAsync(NatsJSContext js)
    {
        try
        {
            await js.DeleteStreamAsync(Stream);
        }
        catch (NatsJSApiException)
        {
            // Never created.
        }
    }
}
