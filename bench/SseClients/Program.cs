using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Autoscaler.Bench.SseClients;

// Usage: --url http://127.0.0.1:PORT --key KEY [--clients 1000] [--events 5] [--out bench/results/sse.json]
var options = Args.Parse(args);
var total = Stopwatch.StartNew();
using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(50));
var handler = new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
using var http = new HttpClient(handler) { BaseAddress = new Uri(options.Url), Timeout = Timeout.InfiniteTimeSpan };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.Key);
const string target = "sse-bench";

var put = await http.PutAsJsonAsync($"/api/autoscaling/targets/{target}",
    new { min = 1, max = 1000, initialCapacity = 1, actuator = new { kind = "simulated" }, evaluationIntervalSeconds = 3600 }, stop.Token);
put.EnsureSuccessStatusCode();

// Connect every client at once; each is subscribed when its first comment arrives.
var clients = Enumerable.Range(0, options.Clients).Select(_ => new SseClient(http, target)).ToArray();
var connectStart = Stopwatch.GetTimestamp();
var connectLatencies = new double[clients.Length];
var connectErrors = 0;
var readers = await Task.WhenAll(clients.Select(async (client, i) =>
{
    var started = Stopwatch.GetTimestamp();
    try
    {
        var reader = await client.ConnectAsync(stop.Token);
        connectLatencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return reader;
    }
    catch (Exception error) when (error is HttpRequestException or IOException or OperationCanceledException)
    {
        Interlocked.Increment(ref connectErrors);
        connectLatencies[i] = double.NaN;
        return Task.CompletedTask;
    }
}));
var allConnectedMs = Stopwatch.GetElapsedTime(connectStart).TotalMilliseconds;

// Trigger scaling events: manual scales to 2, 3, ... (each publishes an actuated event with that capacity).
var sentAt = new Dictionary<int, long>();
for (var i = 0; i < options.Events; i++)
{
    var capacity = i + 2;
    sentAt[capacity] = Stopwatch.GetTimestamp();
    var scale = await http.PostAsJsonAsync($"/api/autoscaling/targets/{target}/scale",
        new { replicas = capacity, reason = $"sse bench event {i + 1}" }, stop.Token);
    scale.EnsureSuccessStatusCode();
}

// Wait (bounded) until every connected client has every event.
var deadline = Stopwatch.GetTimestamp() + (long)(Stopwatch.Frequency * 20.0);
while (Stopwatch.GetTimestamp() < deadline && clients.Any(c => c.Error is null && c.Received.Count < options.Events) && !stop.IsCancellationRequested)
{
    await Task.Delay(50, stop.Token);
}

var latencies = new List<double>();
var sinceEvent = clients.SelectMany(c => c.SinceEvent.Values).Order().ToArray();
var complete = 0;
var missing = 0;
foreach (var client in clients)
{
    var received = client.Received;
    complete += sentAt.Keys.All(received.ContainsKey) ? 1 : 0;
    foreach (var (capacity, sent) in sentAt)
    {
        if (received.TryGetValue(capacity, out var at))
        {
            latencies.Add((at - sent) * 1000.0 / Stopwatch.Frequency);
        }
        else
        {
            missing++;
        }
    }
}

await stop.CancelAsync();
await Task.WhenAll(readers.Select(r => r.ContinueWith(_ => { }, TaskScheduler.Default)));
await http.DeleteAsync($"/api/autoscaling/targets/{target}");

// Per event, from the request: the first and the last client to get it (the spread is the fan-out; the first is the path to it).
var perEvent = sentAt.OrderBy(e => e.Key).Select(e =>
{
    var times = clients.Select(c => c.Received.TryGetValue(e.Key, out var at) ? (at - e.Value) * 1000.0 / Stopwatch.Frequency : double.NaN)
        .Where(double.IsFinite).Order().ToArray();
    return new { capacity = e.Key, firstMs = Math.Round(times.FirstOrDefault(), 2), p50 = Percentile(times, 0.5), lastMs = Math.Round(times.LastOrDefault(), 2) };
}).ToArray();

latencies.Sort();
var connected = connectLatencies.Where(double.IsFinite).Order().ToArray();
var result = new
{
    scenario = "sse-fanout",
    machine = $"{Environment.ProcessorCount} cores, loopback, silo and clients on one host",
    at = DateTimeOffset.UtcNow,
    clients = options.Clients,
    connected = connected.Length,
    connectErrors,
    streamErrors = clients.Count(c => c.Error is not null),
    eventsTriggered = options.Events,
    clientsWithEveryEvent = complete,
    missingDeliveries = missing,
    deliveries = latencies.Count,
    connectMs = new { p50 = Percentile(connected, 0.5), p95 = Percentile(connected, 0.95), max = connected.LastOrDefault(), allConnected = Math.Round(allConnectedMs, 1) },
    // From the event's own timestamp (set when the scale took effect, before the state write and publication) to
    // each client: what the event stream adds. The goal (p99 ≤ 100 ms) is about this one.
    deliveryLatencyMs = new { p50 = Percentile(sinceEvent, 0.5), p95 = Percentile(sinceEvent, 0.95), p99 = Percentile(sinceEvent, 0.99), max = sinceEvent.LastOrDefault() },
    // From sending the scale request to each client: the request's own path (API, grain, actuator, state write) included.
    fromRequestMs = new { p50 = Percentile(latencies, 0.5), p95 = Percentile(latencies, 0.95), p99 = Percentile(latencies, 0.99), max = latencies.LastOrDefault() },
    perEvent,
    durationSeconds = Math.Round(total.Elapsed.TotalSeconds, 1),
};
var json = JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true });
Console.WriteLine(json);
if (options.Out is not null)
{
    await File.WriteAllTextAsync(options.Out, json + Environment.NewLine);
}

return complete == options.Clients && connectErrors == 0 ? 0 : 1;

static double Percentile(IReadOnlyList<double> sorted, double q) =>
    sorted.Count == 0 ? double.NaN : Math.Round(sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)], 2);

/// <summary>Command-line options.</summary>
internal sealed record Args(string Url, string Key, int Clients, int Events, string? Out)
{
    public static Args Parse(string[] args)
    {
        string Value(string name, string? fallback = null)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback ?? throw new ArgumentException($"{name} is required");
        }

        return new Args(
            Value("--url"),
            Value("--key"),
            int.Parse(Value("--clients", "1000"), CultureInfo.InvariantCulture),
            int.Parse(Value("--events", "5"), CultureInfo.InvariantCulture),
            Array.IndexOf(args, "--out") >= 0 ? Value("--out") : null);
    }
}
