using System.Text.Json;

namespace Autoscaler.Integration.Tests.Api.Routes;

/// <summary>Reads <c>/api/autoscaling/events</c> over real HTTP and parses the SSE text: each message's <c>event</c> and
/// its single <c>data:</c> JSON line. Waits are bounded by a timeout, never by sleeps.</summary>
public sealed class EventStream : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;
    private readonly CancellationTokenSource _stop = new();

    private EventStream(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    /// <summary>Comment lines seen so far (<c>: connected</c>, <c>: ping</c>).</summary>
    public List<string> Comments { get; } = [];

    /// <summary>Opens the stream; returns once the response headers and the first comment arrived (subscribed).</summary>
    public static async Task<EventStream> OpenAsync(HttpClient client, string? target = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/autoscaling/events" + (target is null ? string.Empty : "?target=" + target));
        request.Headers.Accept.ParseAdd("text/event-stream");
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var stream = new EventStream(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
        // The server writes "retry" and ": connected" right after subscribing: reading them proves the subscription exists.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (stream.Comments.Count == 0)
        {
            var line = await stream._reader.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("The stream ended.");
            if (line.StartsWith(':'))
            {
                stream.Comments.Add(line);
            }
        }

        return stream;
    }

    /// <summary>Reads until a comment line equal to <paramref name="comment"/> arrives, within <paramref name="timeout"/>.</summary>
    public async Task WaitForCommentAsync(string comment, TimeSpan timeout)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        deadline.CancelAfter(timeout);
        while (await _reader.ReadLineAsync(deadline.Token) is { } line)
        {
            if (line == comment)
            {
                Comments.Add(line);
                return;
            }
        }

        throw new InvalidOperationException("The stream ended.");
    }

    /// <summary>The next event of type <paramref name="eventType"/> (<c>scaling</c>, <c>alarm</c>) whose JSON satisfies
    /// <paramref name="match"/>, within <paramref name="timeout"/>.</summary>
    public async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> match, TimeSpan timeout, string eventType = "scaling")
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        deadline.CancelAfter(timeout);
        string? eventName = null;
        string? data = null;
        while (true)
        {
            string? line;
            try
            {
                line = await _reader.ReadLineAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No matching {eventType} event within {timeout}.");
            }

            if (line is null)
            {
                throw new InvalidOperationException("The stream ended.");
            }

            if (line.StartsWith(':'))
            {
                Comments.Add(line);
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                eventName = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                Assert.Null(data); // one data line per event
                data = line["data: ".Length..];
            }
            else if (line.Length == 0 && data is not null)
            {
                var json = JsonDocument.Parse(data).RootElement.Clone();
                var name = eventName;
                (eventName, data) = (null, null);
                if (name == eventType && match(json))
                {
                    return json;
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _reader.Dispose();
        _response.Dispose();
        _stop.Dispose();
    }
}
