using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Autoscaler.Grains.Monitoring;
using Autoscaler.Scrape.Benchmarks;
using Autoscaler.Silo.Api.Security;
using Autoscaler.Silo.Monitoring;
using OpenTelemetry.Exporter;

// Usage: Autoscaler.Scrape.Benchmarks [--targets 10000] [--scrapes 30] [--out bench/results/scrape.json]
// Runs 0 targets (the baseline: the control plane's other meters only), 1,000 and the given count, one after another
// in this process; each run is a fresh host. Bounded: a few seconds per run.
var targets = Arg("--targets", 10_000);
var scrapes = Arg("--scrapes", 30);
var output = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault() ?? "bench/results/scrape.json";
const string Token = "bench-scrape-token-0123456789abcdef";

var results = new List<ScrapeResult>();
foreach (var count in new[] { 0, 1_000, targets }.Distinct())
{
    results.Add(await RunAsync(count));
    var r = results[^1];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{r.Targets,6} targets: {r.Series,6} series, {r.Bytes / 1024.0,8:F1} KiB, scrape mean {r.MeanMs:F1} ms, p50 {r.P50Ms:F1}, p95 {r.P95Ms:F1}, max {r.MaxMs:F1}; heap {r.HeapBytesAfterFirstScrape / 1048576.0:F1} MiB"));
}

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
await File.WriteAllTextAsync(output, JsonSerializer.Serialize(
    new { machine = Environment.MachineName, cores = Environment.ProcessorCount, measuredAt = DateTimeOffset.UtcNow, runs = results },
    new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
Console.WriteLine($"wrote {output}");
return 0;

async Task<ScrapeResult> RunAsync(int count)
{
    var builder = WebApplication.CreateBuilder();
    builder.WebHost.UseUrls("http://127.0.0.1:0");
    builder.Logging.ClearProviders();
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Monitoring:ScrapeToken"] = Token,
        ["Api:GenerateAdminKey"] = "false",
    });
    builder.Services.AddAutoscalerApiSecurity(builder.Configuration);
    builder.AddAutoscalerMonitoring();
    // Only the metrics the endpoint reads: the grains' other services (the keep-alive sweep among them) need a silo.
    builder.Services.AddMetrics();
    builder.Services.AddSingleton<TargetCapacityRegistry>();
    builder.Services.AddSingleton<ControlPlaneMetrics>();
    // Every scrape renders afresh (the silo keeps the exporter's short response cache; a benchmark must not hit it).
    builder.Services.Configure<PrometheusAspNetCoreOptions>(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
    await using var app = builder.Build();
    app.UseAutoscalerApiSecurity();
    app.MapAutoscalerMonitoring();
    await app.StartAsync();

    var registry = app.Services.GetRequiredService<ControlPlaneMetrics>().Registry;
    var pools = count / 10;
    for (var i = 0; i < count; i++)
    {
        var id = $"service-{i:D6}";
        registry.Report(id, current: 3 + (i % 7), desired: 4 + (i % 5), min: 1, max: 50);
        if (i < pools)
        {
            registry.ReportAgents(id, new Dictionary<string, double> { ["ActiveAgentCount"] = 5, ["PendingTaskCount"] = i % 40, ["AgentUtilization"] = 63.5 });
        }
    }

    using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()), Timeout = TimeSpan.FromSeconds(60) };
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
    var text = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    var heap = GC.GetTotalMemory(forceFullCollection: true);
    for (var i = 0; i < 3; i++)
    {
        await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
    }

    var times = new List<double>();
    long bytes = 0;
    for (var i = 0; i < scrapes; i++)
    {
        var started = Stopwatch.GetTimestamp();
        var body = await http.GetByteArrayAsync(new Uri("/metrics", UriKind.Relative));
        times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        bytes = body.Length;
    }

    await app.StopAsync();
    times.Sort();
    var series = text.Split('\n').Count(l => l.Length > 0 && l[0] != '#');
    return new ScrapeResult(count, pools, scrapes, bytes, series, times.Average(), times[times.Count / 2], times[(int)(times.Count * 0.95)], times[^1], heap);
}

int Arg(string name, int fallback)
{
    var value = args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
    return value is null ? fallback : int.Parse(value, CultureInfo.InvariantCulture);
}
