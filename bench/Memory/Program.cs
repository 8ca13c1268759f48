using System.Text.Json;
using Autoscaler.Memory.Benchmarks;

// bench/run-memory.sh runs this: in-process silos, no servers. Sizes come from BENCH_MEMORY_* variables. Each run starts
// in a process of its own (--run NAME), so what one run's silo leaves behind cannot blur the next run's heap deltas.
var settings = MemorySettings.FromEnvironment();
var json = new JsonSerializerOptions { WriteIndented = false, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
if (args.SkipWhile(a => a != "--run").Skip(1).FirstOrDefault() is { } only)
{
    foreach (var result in await new Runs(settings).RunAsync(only))
    {
        Console.WriteLine(ChildRun.ResultPrefix + JsonSerializer.Serialize(result, json));
    }

    return 0;
}

var output = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault() ?? "bench/results/memory.json";
var results = new List<MemoryResult>();
foreach (var name in Runs.Names)
{
    results.AddRange(await ChildRun.RunAsync(name, json));
}

if (results.Find(r => r.Scenario.StartsWith("oscillating: after", StringComparison.Ordinal)) is { } discarding &&
    results.Find(r => r.Scenario.StartsWith("embedded: after", StringComparison.Ordinal)) is { } embedded)
{
    results.Add(new MemoryResult("memory grain storage's copies (embedded mode only)", discarding.Targets,
        embedded.BytesPerTarget - discarding.BytesPerTarget, null, null,
        "the embedded run minus the oscillating run (same load; Orleans' memory storage instead of storage that keeps nothing): " +
        "the serialized state copies embedded mode keeps in the silo; PostgreSQL keeps them outside the process"));
}

var report = new
{
    machine = new { Environment.ProcessorCount, os = Environment.OSVersion.ToString(), runtime = Environment.Version.ToString() },
    at = DateTimeOffset.UtcNow,
    settings,
    measures = "live managed heap (GC.GetTotalMemory after full compacting collections): growth over a warmed-up baseline " +
        "divided by the targets added. Not RSS: no GC headroom or fragmentation, no native memory, no JIT code.",
    results,
};
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
await File.WriteAllTextAsync(output, JsonSerializer.Serialize(report, new JsonSerializerOptions
{
    WriteIndented = true,
    PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
}));

Console.WriteLine();
Console.WriteLine($"{"scenario",-70} {"KB/target",10} {"goal",-16} met");
foreach (var r in results)
{
    Console.WriteLine($"{r.Scenario,-70} {r.BytesPerTarget / 1024,10:N2} {r.Goal ?? "",-16} {(r.Met is null ? "" : r.Met.Value ? "yes" : "NO")}");
}

return 0;
