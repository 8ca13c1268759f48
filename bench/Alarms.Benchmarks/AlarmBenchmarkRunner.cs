using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Autoscaler.Alarms.Benchmarks;

/// <summary>Runs the alarm engine benchmarks (short job, in process), checks the goal (≤ 1 µs and 0 B per evaluation in
/// steady state), writes a small JSON summary with the baseline's numbers from the same run.</summary>
internal static class AlarmBenchmarkRunner
{
    private const double GoalNs = 1_000;

    public static int Run(string[] args)
    {
        var output = args.Length > 0 ? args[0] : "bench/results/alarms.json";
        var config = DefaultConfig.Instance
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .WithOptions(ConfigOptions.DisableLogFile);
        var summary = BenchmarkRunner.Run<EvaluationBenchmarks>(config);
        var rows = summary.Reports.Select(Row).ToList();
        Write(output, rows);
        Console.WriteLine();
        Console.WriteLine($"{"benchmark",-24} {"mean",12} {"allocated",10}  {"goal",-26} met");
        foreach (var row in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{row.Name,-24} {row.MeanNs,9:0.0} ns {row.AllocatedBytes,8} B  {row.Goal,-26} {(row.Baseline ? "(baseline)" : row.Met ? "yes" : "NO")}"));
        }

        return rows.All(r => r.Baseline || r.Met) ? 0 : 1;
    }

    private static ResultRow Row(BenchmarkReport report)
    {
        var name = report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
        var baseline = report.BenchmarkCase.Descriptor.Baseline;
        var mean = report.ResultStatistics?.Mean ?? double.NaN;
        var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? -1;
        var met = !double.IsNaN(mean) && mean <= GoalNs && allocated == 0;
        return new ResultRow(name, baseline, mean, allocated, baseline ? "-" : "<= 1 us and 0 B allocated", met);
    }

    private static void Write(string path, List<ResultRow> rows)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("scenario", "one alarm evaluation in steady state: 3 of 5 over a 7-period range with a missing period; the same against an anomaly band; a composite rule over 4 alarms");
        json.WriteString("job", "ShortRun, in-process, Release");
        json.WriteString("at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        json.WriteStartArray("results");
        foreach (var row in rows)
        {
            json.WriteStartObject();
            json.WriteString("name", row.Name);
            json.WriteBoolean("baseline", row.Baseline);
            json.WriteNumber("meanNs", Math.Round(row.MeanNs, 1));
            json.WriteNumber("allocatedBytes", row.AllocatedBytes);
            json.WriteString("goal", row.Goal);
            json.WriteBoolean("met", row.Baseline || row.Met);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private sealed record ResultRow(string Name, bool Baseline, double MeanNs, long AllocatedBytes, string Goal, bool Met);
}
