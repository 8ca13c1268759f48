using System.Text.Json;
using Autoscaler.Telemetry.Benchmarks;

// Telemetry throughput on loopback: ceiling (bare subscriber) vs the ingestion pipeline, single and batched publishers.
var output = args.Length > 1 && args[0] == "--out" ? args[1] : "bench/results/telemetry.json";
var singleMessages = int.TryParse(Environment.GetEnvironmentVariable("BENCH_SINGLE_MESSAGES"), out var s) ? s : 200_000;
var batchMessages = int.TryParse(Environment.GetEnvironmentVariable("BENCH_BATCH_MESSAGES"), out var b) ? b : 10_000;
const int BatchSize = 50;
var single = Payloads.Single(17);
var batch = Payloads.Batch(BatchSize);

using var server = await BenchNatsServer.StartAsync();
// Warm-up (JIT, connections) on a small run, not reported.
await Scenarios.CeilingAsync(server.Url, 5_000, single, 1);
await Scenarios.PipelineAsync(server.Url, 5_000, single, 1);
Scenarios.ParserOnly(100_000, single, 1);
Scenarios.ParserOnly(2_000, batch, BatchSize);
await Scenarios.DispatchOnlyAsync(2_000, batch, BatchSize);

var results = new List<BenchResult>
{
    Scenarios.ParserOnly(singleMessages, single, 1),
    Scenarios.ParserOnly(batchMessages, batch, BatchSize),
    await Scenarios.DispatchOnlyAsync(singleMessages, single, 1),
    await Scenarios.DispatchOnlyAsync(batchMessages, batch, BatchSize),
    await Scenarios.CeilingAsync(server.Url, singleMessages, single, 1),
    await Scenarios.PipelineAsync(server.Url, singleMessages, single, 1),
    await Scenarios.CeilingAsync(server.Url, batchMessages, batch, BatchSize),
    await Scenarios.PipelineAsync(server.Url, batchMessages, batch, BatchSize),
};

Console.WriteLine($"{"scenario",-58} {"msgs",8} {"bytes",6} {"s",7} {"msg/s",10} {"samples/s",11} {"lost",5}  note");
foreach (var r in results)
{
    Console.WriteLine($"{r.Scenario,-58} {r.MessagesSent,8} {r.PayloadBytes,6} {r.Seconds,7:F3} {r.MessagesPerSecond,10:N0} {r.SamplesPerSecond,11:N0} {r.Lost,5}  {r.Note}");
}

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
var document = new
{
    machine = new { Environment.ProcessorCount, os = Environment.OSVersion.ToString(), runtime = Environment.Version.ToString() },
    at = DateTimeOffset.UtcNow,
    results,
};
await File.WriteAllTextAsync(output, JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
Console.WriteLine($"results: {output}");
