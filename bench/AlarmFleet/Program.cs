using System.Diagnostics;
using System.Text.Json;
using Autoscaler.AlarmFleet.Benchmarks;
using Autoscaler.Grains.Alarms;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Memory.Benchmarks;
using Autoscaler.Ports.Alarms;
using Autoscaler.Ports.Telemetry;
using Microsoft.Extensions.DependencyInjection;

// bench/run-alarm-fleet.sh runs this: BENCH_ALARMS alarm grains (default 100,000) over BENCH_ALARM_TARGETS targets on one
// in-process silo, a FakeTimeProvider moving the clock, each alarm a 60 s metric alarm on its target's CPU. A round is
// the clock stepping over a minute boundary (plus the evaluation delay); it ends when every alarm has evaluated. The
// baseline is the same round before any alarm exists (the targets' own timers), measured in the same process.
var alarms = Setting("BENCH_ALARMS", 100_000);
var targetCount = Setting("BENCH_ALARM_TARGETS", 1_000);
var rounds = Setting("BENCH_ALARM_ROUNDS", 3);
var output = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault() ?? "bench/results/alarm-fleet.json";

var metrics = new AlarmMetrics();
var ports = new DiscardingAlarmPorts();
await using var cluster = await BenchCluster.StartAsync(memoryStorage: false, services =>
{
    services.AddSingleton(metrics);
    services.AddSingleton<IAlarmHistoryStore>(ports);
    services.AddSingleton<IAlarmEventSink>(ports);
    services.AddSingleton<IAlarmNotifier>(ports);
});
var client = cluster.Client;
var clock = cluster.Clock;
var targets = Enumerable.Range(0, targetCount).Select(i => $"fleet-{i:D5}").ToArray();
var parallel = new ParallelOptions { MaxDegreeOfParallelism = 32 };
await Parallel.ForEachAsync(targets, parallel, async (id, _) =>
{
    var grain = client.GetGrain<IServiceGrain>(id);
    await grain.ConfigureAsync(new TargetDefinition(id, 1, 20, 2, ActuatorBinding.Simulated));
    await grain.SetPolicyAsync(new PolicyDefinition("cpu", """{ "name": "cpu", "type": "targetTracking", "metric": "cpu", "target": { "type": "AverageValue", "value": 50 } }"""));
});

// Start 3 s after a minute boundary: the alarms' timers fire 2 s after each boundary.
var now = clock.GetUtcNow();
clock.Advance(TimeSpan.FromMinutes(1) - TimeSpan.FromTicks(now.UtcTicks % TimeSpan.TicksPerMinute) + TimeSpan.FromSeconds(3));
await FeedMinuteAsync();
var idleRate = await IdleCpuRateAsync();
var baseline = await RoundAsync(0, expected: 0);
// The same clock step without alarms: the targets' own timers, beyond what the idle process burns in that wall time.
var stepCost = Math.Max(0, baseline.CpuSeconds - (idleRate * baseline.WallSeconds));
Console.WriteLine($"idle process: {idleRate:0.000} s CPU per second; baseline step (no alarms): {baseline.CpuSeconds:0.000} s CPU in {baseline.WallSeconds:0.000} s wall, {stepCost:0.000} s over idle");

var defineWatch = Stopwatch.StartNew();
var defined = 0;
await Parallel.ForEachAsync(Enumerable.Range(0, alarms), parallel, async (i, _) =>
{
    var name = $"fleet-alarm-{i:D6}";
    var target = targets[i % targets.Length];
    await PutWithRetriesAsync(client.GetGrain<IAlarmGrain>(name), $$"""
        { "name": "{{name}}", "target": "{{target}}", "metric": "cpu", "statistic": "{{(i % 2 == 0 ? "Average" : "p95")}}",
          "periodSeconds": 60, "evaluationPeriods": 3, "datapointsToAlarm": 2, "threshold": {{90 + (i % 10)}},
          "comparison": "GreaterThanThreshold", "treatMissingData": "missing" }
        """);
    // Progress every 10,000 alarms: a run cut short by its time-out still says how far creating them got.
    if (Interlocked.Increment(ref defined) is var count && count % 10_000 == 0)
    {
        Console.WriteLine($"{count} alarms defined after {defineWatch.Elapsed.TotalSeconds:0} s");
    }
});
var defineSeconds = defineWatch.Elapsed.TotalSeconds;
Console.WriteLine($"{alarms} alarms defined in {defineSeconds:0.0} s");

var results = new List<FleetRound>();
for (var round = 1; round <= rounds + 1; round++)
{
    await FeedMinuteAsync();
    var measured = await RoundAsync(round, alarms);
    Console.WriteLine($"round {round}{(round == 1 ? " (warm-up)" : "")}: {measured.Evaluations} evaluations, {measured.CpuSeconds:0.000} s CPU, " +
        $"{measured.WallSeconds:0.000} s wall, {measured.Transitions} state changes, {measured.CoreSharePercent:0.00} % of one core");
    if (round > 1)
    {
        results.Add(measured);
    }
}

var cpu = results.Average(r => r.CpuSeconds);
var roundWall = results.Average(r => r.WallSeconds);
var perAlarmMicroseconds = (cpu - stepCost - (idleRate * roundWall)) / alarms * 1e6;
var report = new
{
    machine = new { Environment.ProcessorCount, os = Environment.OSVersion.ToString(), runtime = Environment.Version.ToString() },
    at = DateTimeOffset.UtcNow,
    scenario = $"{alarms} metric alarms (60 s, 2 of 3, Average or p95 of cpu) on {targetCount} targets, one in-process silo, " +
        "history/events/storage discarded; a round is one minute boundary until every alarm has evaluated",
    measures = "process CPU time (all threads) per round; share of one core = CPU / 60 s. Per alarm: the round's CPU minus the " +
        "same clock step measured before any alarm existed (beyond idle) minus the idle process's CPU over the round's wall time",
    alarms,
    targets = targetCount,
    baseline,
    idleCpuSecondsPerSecond = idleRate,
    baselineStepCpuSecondsOverIdle = stepCost,
    rounds = results,
    meanCpuSecondsPerRound = cpu,
    meanCoreSharePercent = cpu / 60 * 100,
    machineSharePercent = cpu / 60 / Environment.ProcessorCount * 100,
    cpuMicrosecondsPerAlarmOverBaseline = perAlarmMicroseconds,
    goal = "100,000 alarms evaluated every 60 s on one silo (every alarm evaluated within its period)",
    issueSizeMeasured = alarms >= 100_000,
    metAtThisSize = results.All(r => r.Evaluations >= alarms && r.WallSeconds < 60),
    definedPerSecond = alarms / defineSeconds,
    workingSetMegabytes = Environment.WorkingSet / (1024 * 1024),
    met = alarms >= 100_000 && results.All(r => r.Evaluations >= alarms && r.WallSeconds < 60),
};
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
await File.WriteAllTextAsync(output, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
Console.WriteLine($"mean {cpu:0.000} s CPU per 60 s round = {cpu / 60 * 100:0.00} % of one core ({cpu / 60 / Environment.ProcessorCount * 100:0.00} % of the machine); " +
    $"{perAlarmMicroseconds:0.0} us CPU per alarm evaluation over the baseline; every alarm in time at this size: {report.metAtThisSize}; goal (100,000) met: {report.met}");
return report.metAtThisSize ? 0 : 1;

// A definition is idempotent: on a machine shared with other work a call may time out; it is simply sent again.
static async Task PutWithRetriesAsync(IAlarmGrain grain, string definition)
{
    for (var attempt = 1; ; attempt++)
    {
        try
        {
            await grain.PutAsync(definition);
            return;
        }
        catch (TimeoutException) when (attempt < 5)
        {
        }
    }
}

// CPU the process burns with nothing happening (Orleans' housekeeping), per wall second, over 2 s.
async Task<double> IdleCpuRateAsync()
{
    var process = Process.GetCurrentProcess();
    var before = process.TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    await Task.Delay(2000);
    process.Refresh();
    return (process.TotalProcessorTime - before).TotalSeconds / watch.Elapsed.TotalSeconds;
}

// Two deliveries of 10 agents' CPU within the minute (at +27 s and +56 s of the period), so every period has datapoints.
async Task FeedMinuteAsync()
{
    foreach (var step in new[] { 27, 29 })
    {
        clock.Advance(TimeSpan.FromSeconds(step));
        var at = clock.GetUtcNow();
        var samples = Enumerable.Range(0, 10)
            .Select(agent => new TelemetrySample($"agent-{agent}", at, new Dictionary<string, double> { ["cpu"] = 40 + (agent * 2) }))
            .ToArray();
        await Parallel.ForEachAsync(targets, parallel, async (id, _) => await client.GetGrain<IServiceGrain>(id).IngestAsync(samples));
    }
}

// Steps the clock over the next boundary + evaluation delay (to +3 s) and waits until `expected` evaluations were counted.
async Task<FleetRound> RoundAsync(int round, long expected)
{
    await Task.Delay(200);
    var process = Process.GetCurrentProcess();
    var evaluations = metrics.Evaluations;
    var transitions = metrics.Transitions;
    var cpu = process.TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    clock.Advance(TimeSpan.FromSeconds(4));
    var deadline = TimeSpan.FromSeconds(120);
    while (metrics.Evaluations - evaluations < expected && watch.Elapsed < deadline)
    {
        await Task.Delay(5);
    }

    if (expected == 0)
    {
        await Task.Delay(1000);
    }

    var elapsed = watch.Elapsed.TotalSeconds;
    process.Refresh();
    return new FleetRound(round, metrics.Evaluations - evaluations, (process.TotalProcessorTime - cpu).TotalSeconds, elapsed, metrics.Transitions - transitions);
}

static int Setting(string name, int fallback) =>
    int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;
