using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Autoscaler.Scaling.Windows;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Autoscaler.Scaling.Benchmarks;

/// <summary>Runs the scaling benchmarks (short job, in process), checks the goals, writes a small JSON summary.</summary>
internal static class ScalingBenchmarkRunner
{
    private const long WindowGoalBytes = 64 * 1024;

    private static readonly BenchmarkGoal[] Goals =
    [
        new("EvaluateThreePolicies", 5_000, 0),
        new("EvaluateAndRenderDecision", 5_000, null),
        new("ProposeThreePolicies", 5_000, 0),
        new("ThreeAggregations", 5_000, 0),
        new("RecordSample", null, 0),
        new("HourP99", null, 0),
    ];

    public static int Run(string[] args)
    {
        if (args.Contains("--window-memory"))
        {
            // Only the window's memory (deterministic, seconds): bench/run-scaling.sh --window-memory.
            var only = MeasureWindow();
            Print([], only);
            return only.Met ? 0 : 1;
        }

        var output = args.Length > 0 ? args[0] : "bench/results/scaling.json";
        var config = DefaultConfig.Instance
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .WithOptions(ConfigOptions.DisableLogFile);
        // Measured first: garbage the benchmarks leave (forecast memos of discarded policies) would be collected inside it.
        var window = MeasureWindow();
        var summaries = BenchmarkRunner.Run(BenchmarkTypes(), config);
        var rows = summaries.SelectMany(s => s.Reports).Select(r => Row(r, window.Accounted)).ToList();
        Write(output, rows, window);
        Print(rows, window);
        return rows.All(r => r.Met) && window.Met ? 0 : 1;
    }

    private static Type[] BenchmarkTypes() => [typeof(WindowBenchmarks), .. ExtraBenchmarks.Types];

    private static ResultRow Row(BenchmarkReport report, long windowBytes)
    {
        var name = report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
        var mean = report.ResultStatistics?.Mean ?? double.NaN;
        var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? -1;
        var goal = Goals.FirstOrDefault(g => g.Name == name) ?? new BenchmarkGoal(name, null, null);
        var timeMet = !double.IsNaN(mean) && (goal.MaxMeanNs is not { } ns || mean <= ns);
        var allocationMet = goal.MaxAllocatedBytes is not { } bytes || (allocated >= 0 && allocated <= bytes);
        return new ResultRow(name, mean, allocated, windowBytes, goal.Describe(), timeMet, allocationMet);
    }

    /// <summary>Memory of one full window, three ways: size accounting, live heap growth, bytes allocated to build it.</summary>
    private static WindowMemory MeasureWindow()
    {
        // A first window pays the one-time static initialisation (histogram tables) outside the measurement.
        GC.KeepAlive(WindowFixture.Filled(1));
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var window = WindowFixture.Filled(300);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        var accounted = window.RetainedBytes;
        GC.KeepAlive(window);
        return new WindowMemory(accounted, heapAfter - heapBefore, allocated, WindowGoalBytes);
    }

    private static void Write(string path, List<ResultRow> rows, WindowMemory window)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("scenario", "1-hour windows, 10 instances at 1 sample/s (36,000 samples per window)");
        json.WriteString("job", "ShortRun, in-process, Release");
        json.WriteStartArray("results");
        foreach (var row in rows)
        {
            json.WriteStartObject();
            json.WriteString("name", row.Name);
            json.WriteNumber("meanNs", Math.Round(row.MeanNs, 1));
            json.WriteNumber("allocatedBytes", row.AllocatedBytes);
            json.WriteNumber("windowBytes", row.WindowBytes);
            json.WriteString("goal", row.Goal);
            json.WriteBoolean("met", row.Met);
            json.WriteBoolean("timeMet", row.TimeMet);
            json.WriteBoolean("allocationMet", row.AllocationMet);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("window");
        json.WriteNumber("accountedBytes", window.Accounted);
        json.WriteNumber("liveHeapBytes", window.LiveHeap);
        json.WriteNumber("allocatedToBuildBytes", window.AllocatedToBuild);
        json.WriteString("goal", $"<= {window.Goal} B held");
        json.WriteBoolean("met", window.Met);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Print(List<ResultRow> rows, WindowMemory window)
    {
        Console.WriteLine();
        Console.WriteLine($"{"benchmark",-24} {"mean",12} {"allocated",10}  {"goal",-32} met");
        foreach (var row in rows)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{row.Name,-24} {row.MeanNs,9:0.0} ns {row.AllocatedBytes,8} B  {row.Goal,-32} {(row.Met ? "yes" : $"NO (time {(row.TimeMet ? "met" : "missed")}, allocation {(row.AllocationMet ? "met" : "missed")})")}"));
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{"window memory",-24} accounted {window.Accounted} B, live heap {window.LiveHeap} B, allocated to build {window.AllocatedToBuild} B; goal <= {window.Goal} B: {(window.Met ? "yes" : "NO")}"));
    }

    private sealed record ResultRow(
        string Name, double MeanNs, long AllocatedBytes, long WindowBytes, string Goal, bool TimeMet, bool AllocationMet)
    {
        public bool Met => TimeMet && AllocationMet;
    }

    private sealed record WindowMemory(long Accounted, long LiveHeap, long AllocatedToBuild, long Goal)
    {
        public bool Met => Accounted <= Goal && LiveHeap <= Goal;
    }
}
