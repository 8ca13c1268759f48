using System.Text.Json;
using Autoscaler.EndToEnd.Benchmarks;

// bench/run-e2e.sh runs this with a real nats-server and PostgreSQL; sizes come from BENCH_* variables.
var output = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault() ?? "bench/results/e2e.json";
var natsUrl = Environment.GetEnvironmentVariable("AUTOSCALER_TEST_NATS_URL") ?? throw new InvalidOperationException("AUTOSCALER_TEST_NATS_URL is not set");
var settings = BenchSettings.FromEnvironment();

// --first-reaction (bench/run-e2e.sh --first-reaction): only (c), each turn on two fresh silos, the warm-up at start switched
// off (the baseline) and on, so both are measured in the same run.
// --jetstream (bench/run-e2e.sh --jetstream): the ceiling, core mode, core mode with a larger buffer and jetstream mode in
// turns on the same bursts (issue 19).
// --duplicate-filter-memory: only jetstream mode's duplicate filter against a window, in this process (no servers).
IReadOnlyList<E2eResult> results = args.Contains("--duplicate-filter-memory")
    ? DuplicateFilterMemory.Measure()
    : args.Contains("--first-reaction")
    ? await FirstReactionTurns.RunAsync(natsUrl, settings)
    : args.Contains("--jetstream")
    ? await IngestionModeTurns.RunAsync(natsUrl, settings)
    : await AllPhasesAsync(natsUrl, settings);

var report = new
{
    machine = new { Environment.ProcessorCount, os = Environment.OSVersion.ToString(), runtime = Environment.Version.ToString() },
    at = DateTimeOffset.UtcNow,
    settings,
    results,
};
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
await File.WriteAllTextAsync(output, JsonSerializer.Serialize(report, new JsonSerializerOptions
{
    WriteIndented = true,
    PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
}));

Console.WriteLine();
Console.WriteLine($"{"scenario",-62} {"value",14} {"unit",-12} {"goal",-22} met");
foreach (var r in results)
{
    Console.WriteLine($"{r.Scenario,-62} {r.Value,14:N1} {r.Unit,-12} {r.Goal ?? "",-22} {(r.Met is null ? "" : r.Met.Value ? "yes" : "NO")}");
}

foreach (var r in results)
{
    Console.WriteLine($"- {r.Scenario}: {r.Note}");
}

static async Task<IReadOnlyList<E2eResult>> AllPhasesAsync(string natsUrl, BenchSettings settings)
{
    await using var silo = await BenchSilo.StartAsync(natsUrl);
    return await new Phases(silo, natsUrl, settings).RunAsync();
}
