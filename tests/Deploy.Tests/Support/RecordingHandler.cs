using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Autoscaler.Deploy.Tests.Support;

/// <summary>The innermost HTTP handler of a client under test: records each request and answers it from
/// <c>respond</c>, without any network.</summary>
public sealed class RecordingHandler(Func<RecordedCall, string> respond) : DelegatingHandler
{
    private readonly ConcurrentQueue<RecordedCall> _calls = new();

    /// <summary>Every request so far, in order.</summary>
    public IReadOnlyList<RecordedCall> Calls => [.. _calls];

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value));
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var call = new RecordedCall(request.Method.Method, request.RequestUri!.AbsolutePath, request.RequestUri.Query, headers, body);
        _calls.Enqueue(call);
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(respond(call), Encoding.UTF8, "application/json"),
            RequestMessage = request,
        };
    }
}
