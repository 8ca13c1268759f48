using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Autoscaler.Optimization;
using Autoscaler.Optimization.Benchmarks;
using Autoscaler.Scaling.Simulation;

// Usage: Autoscaler.Optimization.Benchmarks RESULT.json [TARGETS] [INTERVAL_SECONDS]
// The daily recompute: every target's full report (right-size with 7–8 replays, schedule with 2, purchase, waste) on
// every core, against one plain simulation per target (what a What-if of its own policies costs) in the same run.
var output = args.Length > 0 ? args[0] : "bench/results/optimization.json";
var targets = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
var interval = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 300;
var cores = Environment.ProcessorCount;

var build = Stopwatch.StartNew();
var profiles = new TargetProfile[targets];
Parallel.For(0, targets, i => profiles[i] = Fleet.Target(i, interval));
build.Stop();

var (baselineSeconds, baselineCpu) = Measure(() => Parallel.For(0, targets, i => Simulator.Run(profiles[i].Demand!, SimulationOptions.SummaryOnly)));
var reports = new OptimizationReport[targets];
var (seconds, cpu) = Measure(() => Parallel.For(0, targets, i => reports[i] = Optimizer.Optimize(profiles[i], OptimizationOptions.Default)));
var changes = reports.Count(r => r.RightSize?.IsChange == true);
var schedules = reports.Count(r => r.Schedule.Actions.Count > 0);
// Goal: 10,000 targets recomputed within an hour of one silo's cores. A smaller run is projected from its CPU time.
var goalSeconds = 3600.0;
var projected = cpu * 10_000 / targets / cores;
var result = new JsonObject
{
    ["machine"] = $"{cores} cores, {Environment.OSVersion}",
    ["at"] = DateTimeOffset.UtcNow.ToString("u", CultureInfo.InvariantCulture),
    ["targets"] = targets,
    ["history"] = "14 days hourly (336 entries), CPU and memory demand, target tracking at 60 %",
    ["evaluationIntervalSeconds"] = interval,
    ["buildSeconds"] = Math.Round(build.Elapsed.TotalSeconds, 2),
    ["recomputeSeconds"] = Math.Round(seconds, 2),
    ["recomputeCpuSeconds"] = Math.Round(cpu, 2),
    ["millisecondsPerTarget"] = Math.Round(1000 * seconds / targets, 3),
    ["baselineOneSimulationSeconds"] = Math.Round(baselineSeconds, 2),
    ["baselineOneSimulationCpuSeconds"] = Math.Round(baselineCpu, 2),
    ["ratioToBaseline"] = Math.Round(seconds / baselineSeconds, 1),
    ["rightSizeChanges"] = changes,
    ["schedulesProposed"] = schedules,
    ["managedMegabytes"] = Math.Round(GC.GetTotalMemory(false) / 1_000_000.0, 1),
    ["projectedSecondsFor10000TargetsOnIdleCores"] = Math.Round(projected, 1),
    ["goalSecondsFor10000Targets"] = goalSeconds,
    ["met"] = (targets >= 10_000 ? seconds : projected) <= goalSeconds,
};
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
File.WriteAllText(output, result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + Environment.NewLine);
Console.WriteLine(result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

static (double Seconds, double CpuSeconds) Measure(Action run)
{
    var process = Process.GetCurrentProcess();
    var cpuBefore = process.TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    run();
    clock.Stop();
    process.Refresh();
    return (clock.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpuBefore).TotalSeconds);
}
