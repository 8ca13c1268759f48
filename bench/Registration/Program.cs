using System.Text.Json;
using Autoscaler.Registration.Benchmarks;

// bench/run-registration.sh runs this against the PostgreSQL servers.sh starts. BENCH_TARGETS (10000) targets are
// registered in one call; today's per-target path registers BENCH_BASELINE_TARGETS (2000) to measure its rate. Each
// result is printed and the JSON rewritten as soon as it is measured, so a run cut short keeps what it measured.
var output = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault() ?? "bench/results/registration.json";
var targets = int.Parse(Environment.GetEnvironmentVariable("BENCH_TARGETS") ?? "10000", System.Globalization.CultureInfo.InvariantCulture);
var baseline = int.Parse(Environment.GetEnvironmentVariable("BENCH_BASELINE_TARGETS") ?? "2000", System.Globalization.CultureInfo.InvariantCulture);
var results = new List<RegistrationResult>();
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);

Console.WriteLine($"{"scenario",-96} {"targets",8} {"s",8} {"targets/s",10} met");
await RecordAsync([await Scenarios.PerTargetAsync(baseline)]);
await RecordAsync(await Scenarios.SdkAsync(targets));
await RecordAsync([await Scenarios.RestAsync(targets)]);

async Task RecordAsync(IReadOnlyList<RegistrationResult> measured)
{
    foreach (var r in measured)
    {
        results.Add(r);
        Console.WriteLine($"{r.Scenario,-96} {r.Targets,8} {r.Seconds,8:N2} {r.TargetsPerSecond,10:N0} {(r.Met is null ? "" : r.Met.Value ? "yes" : "NO")}");
    }

    var report = new
    {
        machine = new { Environment.ProcessorCount, os = Environment.OSVersion.ToString(), runtime = Environment.Version.ToString() },
        at = DateTimeOffset.UtcNow,
        settings = new { targets, baseline },
        results,
    };
    await File.WriteAllTextAsync(output, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
}
