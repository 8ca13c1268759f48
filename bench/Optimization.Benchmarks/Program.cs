using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Autoscaler.Optimization;
using Autoscaler.Optimization.Benchmarks;
using Autoscaler.Scaling.Simulation;

// Usage: Autoscaler.Optimization.Benchmarks RESULT.json [TARGETS] [INTERVAL_SECONDS] [PHASES]
// The daily recompute of every target's full report (right-size with 7–8 replays, schedule with 2, purchase, waste),
// measured two ways in one run against one plain simulation per target (what a What-if of its own policies costs):
//   optimiser: the pure optimiser alone over in-memory profiles, on every core;
//   grain:     the recommendations grain's recompute on a one-silo in-process cluster: the silo's source reads each
//              target's profile through its service and size grains (trace export, 14 days of hourly history), runs
//              the optimiser, builds the records, merges them into the ledger and writes the grain's state.
// PHASES: "all" (default), "grain" (baseline and grain) or "optimiser" (baseline and optimiser).
var output = args.Length > 0 ? args[0] : "bench/results/optimization.json";
var targets = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
var interval = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 300;
var phases = args.Length > 3 ? args[3] : "all";
var cores = Environment.ProcessorCount;
const double GoalSeconds = 3600; // 10,000 targets recomputed within an hour on one silo

var build = Stopwatch.StartNew();
var profiles = new TargetProfile[targets];
Parallel.For(0, targets, i => profiles[i] = Fleet.Target(i, interval));
build.Stop();

var (baselineSeconds, baselineCpu) = Measure(() => Parallel.For(0, targets, i => Simulator.Run(profiles[i].Demand!, SimulationOptions.SummaryOnly)));
var result = new JsonObject
{
    ["machine"] = $"{cores} cores, {Environment.OSVersion}",
    ["at"] = DateTimeOffset.UtcNow.ToString("u", CultureInfo.InvariantCulture),
    ["targets"] = targets,
    ["history"] = "14 days hourly (336 entries), CPU and memory demand, target tracking at 60 %",
    ["evaluationIntervalSeconds"] = interval,
    ["buildSeconds"] = Math.Round(build.Elapsed.TotalSeconds, 2),
    ["baselineOneSimulationSeconds"] = Math.Round(baselineSeconds, 2),
    ["baselineOneSimulationCpuSeconds"] = Math.Round(baselineCpu, 2),
    ["goalSecondsFor10000Targets"] = GoalSeconds,
};

if (phases is "all" or "optimiser")
{
    var reports = new OptimizationReport[targets];
    var (seconds, cpu) = Measure(() => Parallel.For(0, targets, i => reports[i] = Optimizer.Optimize(profiles[i], OptimizationOptions.Default)));
    // A smaller run is projected from its CPU time spread over every core.
    var projected = cpu * 10_000 / targets / cores;
    result["optimiser"] = new JsonObject
    {
        ["what"] = "the pure optimiser over in-memory profiles, every core",
        ["seconds"] = Math.Round(seconds, 2),
        ["cpuSeconds"] = Math.Round(cpu, 2),
        ["cpuMillisecondsPerTarget"] = Math.Round(1000 * cpu / targets, 2),
        ["ratioToBaselineCpu"] = Math.Round(cpu / baselineCpu, 1),
        ["rightSizeChanges"] = reports.Count(r => r.RightSize?.IsChange == true),
        ["schedulesProposed"] = reports.Count(r => r.Schedule.Actions.Count > 0),
        ["projectedSecondsFor10000TargetsOnIdleCores"] = Math.Round(projected, 1),
        ["met"] = (targets >= 10_000 ? seconds : projected) <= GoalSeconds,
    };
}

if (phases is "all" or "grain")
{
    profiles = []; // the grain path builds its own profiles from the silo's traces
    GC.Collect();
    var register = Stopwatch.StartNew();
    await using var silo = await RecomputeSilo.StartAsync(targets, interval);
    register.Stop();
    var heapBefore = GC.GetTotalMemory(true);
    Autoscaler.Grains.Interfaces.RecommendationRecompute? recompute = null;
    var (seconds, cpu) = await MeasureAsync(async () => recompute = await silo.RecomputeAsync());
    var summary = await silo.Recommendations.GetSummaryAsync();
    var listing = Stopwatch.StartNew();
    var open = await silo.OpenRecordsAsync();
    listing.Stop();
    var projected = seconds * 10_000 / targets;
    result["grain"] = new JsonObject
    {
        ["what"] = "RecommendationsGrain.RecomputeAsync on one in-process silo: per target the trace export through the service grain, the size grain, the optimiser, the records (targets in parallel, one per core); the merge into 64 shard grains and their state writes; then every open record listed page by page",
        ["cores"] = Environment.ProcessorCount,
        ["registerSeconds"] = Math.Round(register.Elapsed.TotalSeconds, 2),
        ["seconds"] = Math.Round(seconds, 2),
        ["cpuSeconds"] = Math.Round(cpu, 2),
        ["cpuMillisecondsPerTarget"] = Math.Round(1000 * cpu / targets, 2),
        ["ratioToBaselineCpu"] = Math.Round(cpu / baselineCpu, 1),
        ["targetsComputed"] = recompute!.Targets,
        ["targetsSkipped"] = recompute.Skipped,
        ["openRecords"] = recompute.Open,
        ["openRecordsListed"] = open.Count,
        ["listSeconds"] = Math.Round(listing.Elapsed.TotalSeconds, 2),
        // What one record weighs on the wire, as JSON (the grain messages are binary, of a similar size): bounds the page.
        ["averageRecordJsonBytes"] = open.Count == 0 ? 0 : Math.Round(open.Sum(r => (double)JsonSerializer.SerializeToUtf8Bytes(r).Length) / open.Count),
        ["largestRecordJsonBytes"] = open.Count == 0 ? 0 : open.Max(r => JsonSerializer.SerializeToUtf8Bytes(r).Length),
        ["targetsWithRecords"] = open.Select(r => r.Target).Distinct().Count(),
        ["fleetMonthlyCost"] = summary?.MonthlyCost,
        ["fleetMonthlySavings"] = summary?.MonthlySavings,
        ["managedMegabytesAfter"] = Math.Round(GC.GetTotalMemory(true) / 1_000_000.0, 1),
        ["managedMegabytesBefore"] = Math.Round(heapBefore / 1_000_000.0, 1),
        ["projectedSecondsFor10000Targets"] = Math.Round(projected, 1),
        ["met"] = (targets >= 10_000 ? seconds : projected) <= GoalSeconds,
    };
}

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
File.WriteAllText(output, result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + Environment.NewLine);
Console.WriteLine(result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

static (double Seconds, double CpuSeconds) Measure(Action run) => MeasureAsync(() =>
{
    run();
    return Task.CompletedTask;
}).GetAwaiter().GetResult();

static async Task<(double Seconds, double CpuSeconds)> MeasureAsync(Func<Task> run)
{
    var process = Process.GetCurrentProcess();
    var cpuBefore = process.TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    await run();
    clock.Stop();
    process.Refresh();
    return (clock.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpuBefore).TotalSeconds);
}
