using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Autoscaler.Client;
using Autoscaler.Cluster.Benchmarks;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// bench/run-cluster.sh runs this against the PostgreSQL and nats-server servers.sh starts: three silo processes on one
// fresh database, CLUSTER_TARGETS (30000) targets registered in bulk (chunks of 500, stopped at CLUSTER_REGISTER_SECONDS,
// 420 s), telemetry for all of them, then placement, decisions, one silo stopped and started again. The JSON is rewritten
// after each phase, so a run cut short keeps what it measured. Every wait is bounded.
var output = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault() ?? "bench/results/cluster.json";
int Setting(string name, int fallback) => int.Parse(Environment.GetEnvironmentVariable(name) ?? fallback.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
var wanted = Setting("CLUSTER_TARGETS", 30_000);
var registerBudget = TimeSpan.FromSeconds(Setting("CLUSTER_REGISTER_SECONDS", 420));
// The silos' keep-alive sweep: period and migration pace (KeepAlive section; the defaults are 60 s and 200/s).
var sweepSeconds = Setting("CLUSTER_SWEEP_SECONDS", 60);
var migrationsPerSecond = Setting("CLUSTER_MIGRATIONS_PER_SECOND", 200);
const int Interval = 15;
var report = new Dictionary<string, object?>
{
    ["scenario"] = "three silos on one machine: PostgreSQL (clustering, grain state, reminders) and NATS (telemetry) on loopback",
    ["machine"] = new { Environment.ProcessorCount, os = Environment.OSVersion.ToString() },
    ["at"] = DateTimeOffset.UtcNow,
    ["settings"] = new { wanted, registerBudgetSeconds = registerBudget.TotalSeconds, evaluationIntervalSeconds = Interval, telemetry = "one batch of 10 agents per target every 5 s, CPU 80 against a 50 target", sweepSeconds, migrationsPerSecond, placement = "target placement: rendezvous hashing of the target id over the active silos" },
};
var saving = new Lock(); // the memory watch saves from its own loop
void Save(string key, object? value)
{
    lock (saving)
    {
        report[key] = value;
        Console.WriteLine($"{key}: {JsonSerializer.Serialize(value)}");
        File.WriteAllText(output, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
    }
}

var connectionString = await TestEnvironment.CreateDatabaseAsync("cluster");
var clusterId = $"cl{Guid.NewGuid():N}"[..12];
var environment = new Dictionary<string, string>
{
    ["ConnectionStrings__Autoscaler"] = connectionString,
    ["Silo__ClusterId"] = clusterId,
    ["Logging__LogLevel__Default"] = "Warning",
    ["Nats__Url"] = TestEnvironment.NatsUrl,
    ["KeepAlive__SweepSeconds"] = sweepSeconds.ToString(CultureInfo.InvariantCulture),
    ["KeepAlive__MigrationsPerSecond"] = migrationsPerSecond.ToString(CultureInfo.InvariantCulture),
};
SiloProcess StartSilo(int i) => SiloProcess.Start($"silo-{i}", environment);
var silos = new[] { StartSilo(1), StartSilo(2), StartSilo(3) };
IHost? client = null;
// Memory every 5 s into the report (saved every 30 s): should the machine run out, the file says how far each silo grew.
var looks = 0;
await using var memory = new MemoryWatch(() => silos, TimeSpan.FromSeconds(5), watch =>
{
    if (looks++ % 6 == 0)
    {
        Save("memory", watch.Snapshot());
    }
});
try
{
    var started = Stopwatch.StartNew();
    await Task.WhenAll(silos.Select(s => s.WaitUntilReadyAsync(TimeSpan.FromSeconds(120))));
    Save("startSeconds", Math.Round(started.Elapsed.TotalSeconds, 1));

    var builder = Host.CreateApplicationBuilder();
    builder.Logging.ClearProviders();
    builder.AddAutoscalerClient(o =>
    {
        o.ClusterId = clusterId;
        o.ConnectionString = connectionString;
    });
    client = builder.Build();
    await client.StartAsync();
    var sdk = client.Services.GetRequiredService<IAutoscalerClient>();
    var cluster = client.Services.GetRequiredService<IClusterClient>();

    // Registration in bulk, chunk by chunk, until every target is in or the budget is spent.
    const string Policy = """{ "name": "cpu", "type": "targetTracking", "metric": "cpu", "target": { "type": "AverageValue", "value": 50 } }""";
    var targets = new List<string>();
    var chunkRetries = new List<string>();
var registering = Stopwatch.StartNew();
    while (targets.Count < wanted && registering.Elapsed < registerBudget)
    {
        var chunk = Enumerable.Range(targets.Count, Math.Min(500, wanted - targets.Count))
            .Select(i => string.Create(CultureInfo.InvariantCulture, $"c-{i:D6}")).ToArray();
        TargetSpec[] specs = [.. chunk.Select(id => new TargetSpec(
            new TargetDefinition(id, 1, 20, 2, ActuatorBinding.Simulated, EvaluationIntervalSeconds: Interval), [new PolicyDefinition("cpu", Policy)]))];
        // A fleet call is idempotent (targets already in are unchanged): a chunk that failed, e.g. a grain call timing
        // out on the loaded machine, is sent again, at most three times, and counted.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await sdk.RegisterTargetsAsync(specs);
                if (result.Succeeded)
                {
                    break;
                }

                throw new InvalidOperationException(string.Join("; ", result.Errors.Take(5).Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
            }
            catch (Exception error) when (attempt < 3 && error is not OutOfMemoryException)
            {
                chunkRetries.Add($"{chunk[0]}: {error.GetType().Name}: {error.Message.Split('\n')[0]}");
            }
        }

        targets.AddRange(chunk);
    }

    Save("memoryAfterRegistration", memory.Snapshot());
    Save("registration", new { targets = targets.Count, seconds = Math.Round(registering.Elapsed.TotalSeconds, 1), targetsPerSecond = Math.Round(targets.Count / registering.Elapsed.TotalSeconds), cutByBudget = targets.Count < wanted, chunkRetries });

    await using var load = new TelemetryLoad(TestEnvironment.NatsUrl, targets, TimeSpan.FromSeconds(5));
    var telemetryFrom = DateTimeOffset.UtcNow;
    load.Start();

    // Every target decides: wait (bounded) until a sample of 200 has decided, then read every target once.
    var sample = targets.Where((_, i) => i % Math.Max(1, targets.Count / 200) == 0).ToArray();
    var deciding = Stopwatch.StartNew();
    while (deciding.Elapsed < TimeSpan.FromSeconds(Setting("CLUSTER_WAIT_SECONDS", 150)) && (await Statuses.ReadAsync(sdk, sample, telemetryFrom)).Decided < sample.Length)
    {
        await Task.Delay(TimeSpan.FromSeconds(5));
    }

    var first = await Statuses.ReadAsync(sdk, targets, telemetryFrom);
    var placement = await Placement.TargetsPerSiloAsync(cluster);
    Save("memoryAtSteady", memory.Snapshot());
    Save("steady", new { secondsUntilSampleDecided = Math.Round(deciding.Elapsed.TotalSeconds, 1), statuses = first, activationsPerSilo = placement, deviationPercent = Placement.DeviationPercent(placement, targets.Count), imbalancePercent = Placement.ImbalancePercent(placement), telemetryMessages = load.Published });

    // One silo stopped (SIGTERM, graceful): how long until every target is active on the other two.
    var stoppedAt = DateTimeOffset.UtcNow;
    var terminate = await silos[2].TerminateAsync(TimeSpan.FromSeconds(60));
    await silos[2].DisposeAsync();
    var recovery = await WatchAsync(counts => counts.Values.Sum() >= targets.Count, TimeSpan.FromSeconds(Setting("CLUSTER_WAIT_SECONDS", 150)));
    Save("siloStopped", new { shutdownSeconds = Math.Round(terminate.TotalSeconds, 1), allActiveAgainSeconds = recovery.Seconds, activationsPerSilo = recovery.Counts, timeline = recovery.Timeline });

    // The same silo started again: does placement come back to it, and how fast.
    var restarting = Stopwatch.StartNew();
    silos[2] = StartSilo(3);
    await silos[2].WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
    var readySeconds = Math.Round(restarting.Elapsed.TotalSeconds, 1);
    // Balanced: every silo within ±20 % of an even share of the targets (bounded: at most CLUSTER_WAIT_SECONDS plus one
    // sweep period, as the returning silo's first sweep runs one period after it started).
    var rebalance = await WatchAsync(
        counts => counts.Count == 3 && Placement.DeviationPercent(counts, targets.Count).Values.All(d => Math.Abs(d) <= 20),
        TimeSpan.FromSeconds(Setting("CLUSTER_WAIT_SECONDS", 150) + sweepSeconds));
    // Every target evaluates after the rebalancing: a migrated target's evaluation timer starts again on its new silo, so
    // read two evaluation intervals later and count the targets that have not evaluated since the rebalancing ended.
    var rebalancedAt = DateTimeOffset.UtcNow;
    await Task.Delay(TimeSpan.FromSeconds(2 * Interval));
    var after = await Statuses.ReadAsync(sdk, targets, rebalancedAt);
    var final = await Placement.TargetsPerSiloAsync(cluster);
    var fewestActive = rebalance.Timeline.Min(t => t.Active);
    Save("memoryAtEnd", memory.Snapshot());
    Save("siloRestarted", new
    {
        readySeconds,
        balancedWithin20PercentSeconds = rebalance.Seconds,
        balancedSecondsSinceStarted = rebalance.Seconds is { } balanced ? Math.Round(readySeconds + balanced, 1) : (double?)null,
        activationsPerSilo = final,
        deviationPercent = Placement.DeviationPercent(final, targets.Count),
        imbalancePercent = Placement.ImbalancePercent(final),
        // Target activations counted at each look while rebalancing (a migrating target is briefly in neither silo's count).
        fewestTargetActivationsSeen = fewestActive,
        targetsWithoutActivationAtEnd = Math.Max(0, targets.Count - final.Values.Sum()),
        timeline = rebalance.Timeline,
        statusesAfter = after,
        targetsWithoutEvaluationSinceRebalanced = targets.Count - after.EvaluatedSince,
    });

    async Task<(double? Seconds, IReadOnlyDictionary<string, int> Counts, List<Look> Timeline)> WatchAsync(
        Func<IReadOnlyDictionary<string, int>, bool> done, TimeSpan bound)
    {
        var timeline = new List<Look>();
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var counts = await Placement.TargetsPerSiloAsync(cluster);
            timeline.Add(new Look(Math.Round(watch.Elapsed.TotalSeconds, 1), counts, counts.Values.Sum()));
            if (done(counts))
            {
                return (Math.Round(watch.Elapsed.TotalSeconds, 1), counts, timeline);
            }

            if (watch.Elapsed > bound)
            {
                return (null, counts, timeline);
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }
}
finally
{
    if (client is not null)
    {
        await client.StopAsync(TimeSpan.FromSeconds(5));
        client.Dispose();
    }

    foreach (var silo in silos)
    {
        await silo.DisposeAsync();
    }
}
