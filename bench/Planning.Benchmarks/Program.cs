using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Autoscaler.Planning.Benchmarks;
using Autoscaler.Scaling.Json;
using Autoscaler.Scaling.Simulation;
using Autoscaler.Scaling.Tuning;

// Usage: Autoscaler.Planning.Benchmarks RESULT.json AUTOSCALER_CLI.dll
var output = args.Length > 0 ? args[0] : "bench/results/planning.json";
var cli = args.Length > 1 ? args[1] : "src/Cli/bin/Release/net10.0/autoscaler.dll";
const string Tracking = """[{"name":"cpu","type":"targetTracking","metric":"cpu","target":{"type":"Utilization","value":70}}]""";
const string Tight = """[{"name":"cpu","type":"targetTracking","metric":"cpu","target":{"type":"Utilization","value":85}}]""";
const string TightWithPredictive = """[{"name":"cpu","type":"targetTracking","metric":"cpu","target":{"type":"Utilization","value":85}},{"name":"forecast","type":"predictive","metric":"cpu","targetValue":85,"mode":"ForecastAndScale","schedulingBufferSeconds":300}]""";
var results = new JsonObject { ["machine"] = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}", ["at"] = DateTimeOffset.UtcNow.ToString("u", CultureInfo.InvariantCulture) };

// 1. Evaluations per second, demand mode (closed loop) against the same trace replayed open loop (the baseline), summary only.
{
    var demand = ScalingDocuments.ReadSimulation(Encoding.UTF8.GetBytes(Traces.Document(Tracking, 14 * 288, 300, 60, weekly: true)));
    var openLoop = demand with
    {
        Demand = [],
        Trace = [.. demand.Trace.Select(e => new TraceEntry(e.At, new Dictionary<string, Autoscaler.Scaling.Model.MetricReading>
        {
            ["cpu"] = Autoscaler.Scaling.Model.MetricReading.PerInstance([new("a", e.Demand!["cpu"] / 6, 100)]),
        }))],
    };
    var (demandRate, evaluations) = Rate(demand);
    var (openRate, _) = Rate(openLoop);
    results["evaluationsPerSecond"] = new JsonObject
    {
        ["trace"] = "14 days, demand every 5 min, evaluated every 60 s, target tracking",
        ["evaluations"] = evaluations,
        ["demandMode"] = Math.Round(demandRate),
        ["openLoopBaseline"] = Math.Round(openRate),
    };
}

// 2. A year at 5-minute resolution, end to end through the CLI (read, simulate, write), --summary-only; the baseline is
//    the same run streaming every decision (to /dev/null).
{
    var path = Path.Combine(Path.GetTempPath(), $"planning-year-{Environment.ProcessId}.json");
    await File.WriteAllTextAsync(path, Traces.Document(Tracking, 365 * 288, 300, 300, weekly: true));
    try
    {
        var summary = Cli(cli, ["simulate", "--input", path, "--summary-only"]);
        var full = Cli(cli, ["simulate", "--input", path]);
        results["yearEndToEnd"] = new JsonObject
        {
            ["trace"] = $"365 days at 5 min: 105,120 entries, {new FileInfo(path).Length / 1_000_000.0:0.#} MB of JSON, evaluated every 300 s",
            ["summaryOnlySeconds"] = Math.Round(summary.Seconds, 2),
            ["summaryOnlyCpuSeconds"] = Math.Round(summary.CpuSeconds, 2),
            ["summaryOnlyPeakMegabytes"] = Math.Round(summary.PeakMegabytes, 1),
            ["allDecisionsSeconds"] = Math.Round(full.Seconds, 2),
            ["allDecisionsCpuSeconds"] = Math.Round(full.CpuSeconds, 2),
            ["allDecisionsPeakMegabytes"] = Math.Round(full.PeakMegabytes, 1),
            ["goalSeconds"] = 2,
            ["met"] = summary.Seconds < 2,
            ["loadAverage"] = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?",
        };
    }
    finally
    {
        File.Delete(path);
    }
}

// 3. tune: 500 candidates (target value × scale-down window × scale-up window) over 14 days at 60 s, on every core and on one.
{
    var input = JsonNode.Parse(Traces.Document(Tracking, 14 * 288, 300, 60, weekly: true))!.AsObject();
    input.Remove("policies");
    input["search"] = JsonNode.Parse("""
        {"policies":[{"name":"cpu","type":"targetTracking","metric":"cpu","target":{"type":"Utilization"},
          "ranges":{"target.value":[40,45,50,55,60,65,70,75,80,85,90,95,98,99,100,101,102,103,104,105,106,107,108,109,110]}}],
         "behavior":{"ranges":{"scaleDown.stabilizationWindowSeconds":[0,120,300,600,900],"scaleUp.stabilizationWindowSeconds":[0,60,120,300]}},
         "maxUnderProvisionedPercent":1.0}
        """);
    var request = TuneReader.Read(Encoding.UTF8.GetBytes(input.ToJsonString()));
    var parallel = Time(() => PolicyTuner.Run(request, Environment.ProcessorCount));
    var single = Time(() => PolicyTuner.Run(request, 1));
    results["tune"] = new JsonObject
    {
        ["candidates"] = request.CandidateCount,
        ["evaluationsEach"] = parallel.Result.All[0].Summary.Evaluations,
        ["allCoresSeconds"] = Math.Round(parallel.Seconds, 2),
        ["oneCoreSeconds"] = Math.Round(single.Seconds, 2),
        ["speedup"] = Math.Round(single.Seconds / parallel.Seconds, 2),
        ["frontier"] = parallel.Result.Frontier.Count,
        ["goalSeconds"] = 60,
        ["met"] = parallel.Seconds < 60,
    };
}

// 4. Predictive on a 14-day daily-seasonal trace (6 % noise, no weekly dip; an instance serves 100, both policies aim at 85,
//    so target tracking, 120 s behind, falls short on the morning ramp).
{
    var alone = Simulator.Run(ScalingDocuments.ReadSimulation(Encoding.UTF8.GetBytes(Traces.Document(Tight, 14 * 288, 300, 60, weekly: false))), SimulationOptions.SummaryOnly).Summary;
    var both = Simulator.Run(ScalingDocuments.ReadSimulation(Encoding.UTF8.GetBytes(Traces.Document(TightWithPredictive, 14 * 288, 300, 60, weekly: false))), SimulationOptions.SummaryOnly).Summary;
    var extra = (both.Actions - alone.Actions) / (double)alone.Actions;
    results["predictive"] = new JsonObject
    {
        ["targetTracking"] = Describe(alone),
        ["withPredictive"] = Describe(both),
        ["extraActionsPercent"] = Math.Round(100 * extra, 1),
        ["goal"] = "no more than 10 % more actions, less under-provisioned time",
        ["met"] = extra <= 0.10 && both.Demand!.UnderProvisionedSeconds < alone.Demand!.UnderProvisionedSeconds,
    };
}

var text = results.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
await File.WriteAllTextAsync(output, text + Environment.NewLine);
Console.WriteLine(text);

static (double Rate, int Evaluations) Rate(SimulationRequest request)
{
    Simulator.Run(request, SimulationOptions.SummaryOnly); // warm up
    var best = double.MaxValue;
    var evaluations = 0;
    for (var i = 0; i < 5; i++)
    {
        var clock = Stopwatch.StartNew();
        evaluations = Simulator.Run(request, SimulationOptions.SummaryOnly).Summary.Evaluations;
        best = Math.Min(best, clock.Elapsed.TotalSeconds);
    }

    return (evaluations / best, evaluations);
}

static (T Result, double Seconds) Time<T>(Func<T> run)
{
    var clock = Stopwatch.StartNew();
    var result = run();
    return (result, clock.Elapsed.TotalSeconds);
}

static (double Seconds, double CpuSeconds, double PeakMegabytes) Cli(string cli, string[] arguments)
{
    var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
    start.ArgumentList.Add(cli);
    foreach (var argument in arguments)
    {
        start.ArgumentList.Add(argument);
    }

    var clock = Stopwatch.StartNew();
    using var process = Process.Start(start)!;
    var drain = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
    var errors = process.StandardError.ReadToEndAsync();
    long peak = 0;
    var cpu = TimeSpan.Zero;
    while (!process.WaitForExit(5))
    {
        try
        {
            process.Refresh();
            peak = Math.Max(peak, process.WorkingSet64);
            cpu = process.TotalProcessorTime;
        }
        catch (InvalidOperationException)
        {
            break;
        }
    }

    process.WaitForExit();
    drain.Wait();
    var seconds = clock.Elapsed.TotalSeconds;
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"autoscaler {string.Join(' ', arguments)} exited {process.ExitCode}: {errors.Result}");
    }

    return (seconds, cpu.TotalSeconds, peak / 1_000_000.0);
}

static JsonObject Describe(SimulationSummary summary) => new()
{
    ["actions"] = summary.Actions,
    ["capacityHours"] = Math.Round(summary.CapacityHours, 1),
    ["underProvisionedSeconds"] = summary.Demand!.UnderProvisionedSeconds,
    ["maxShortfall"] = summary.Demand.MaxShortfall,
};
