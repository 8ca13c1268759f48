using System.Diagnostics;
using System.Text.Json;

namespace Autoscaler.Bench.SseClients;

/// <summary>One event-stream client: connects, then records when each expected capacity arrives.</summary>
internal sealed class SseClient(HttpClient http, string target)
{
    private readonly Dictionary<int, long> _received = [];
    private readonly Dictionary<int, double> _sinceEvent = [];
    private readonly Lock _lock = new();

    /// <summary>Capacity → Stopwatch timestamp of the first <c>actuated</c> event reaching it.</summary>
    public IReadOnlyDictionary<int, long> Received
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<int, long>(_received);
            }
        }
    }

    /// <summary>Capacity → milliseconds from the event's own <c>at</c> (stamped by the grain when the scale took effect,
    /// the same host's clock) to its arrival here: the stream's delivery, without the request that caused the event.</summary>
    public IReadOnlyDictionary<int, double> SinceEvent
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<int, double>(_sinceEvent);
            }
        }
    }

    public string? Error { get; private set; }

    /// <summary>Connects; completes once the server's first comment arrived, then keeps reading in the background.</summary>
    public async Task<Task> ConnectAsync(CancellationToken stop)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/autoscaling/events?target={target}");
        request.Headers.Accept.ParseAdd("text/event-stream");
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop);
        response.EnsureSuccessStatusCode();
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop));
        while (true)
        {
            var line = await reader.ReadLineAsync(stop) ?? throw new IOException("stream ended before the first comment");
            if (line.StartsWith(':'))
            {
                break;
            }
        }

        return ReadAsync(response, reader, stop);
    }

    private async Task ReadAsync(HttpResponseMessage response, StreamReader reader, CancellationToken stop)
    {
        using (response)
        using (reader)
        {
            try
            {
                while (await reader.ReadLineAsync(stop) is { } line)
                {
                    if (!line.StartsWith("data: ", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var now = Stopwatch.GetTimestamp();
                    var wallNow = DateTimeOffset.UtcNow;
                    using var json = JsonDocument.Parse(line.AsMemory(6));
                    if (json.RootElement.GetProperty("kind").GetString() == "actuated")
                    {
                        var to = json.RootElement.GetProperty("to").GetInt32();
                        var since = (wallNow - json.RootElement.GetProperty("at").GetDateTimeOffset()).TotalMilliseconds;
                        lock (_lock)
                        {
                            _received.TryAdd(to, now);
                            _sinceEvent.TryAdd(to, since);
                        }
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The run is over.
            }
            catch (Exception error) when (error is IOException or HttpRequestException or JsonException)
            {
                Error = error.GetType().Name + ": " + error.Message;
            }
        }
    }
}
