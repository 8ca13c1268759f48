using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Autoscaler.Cli.Remote;

/// <summary>
/// Every HTTP call of the CLI to the control plane's REST API (<c>/api/autoscaling</c>), in one place so that following
/// a route change is an edit here. Results are the server's JSON documents; errors are <see cref="ApiException"/>s built
/// from the problem+json body. A 503 (the cluster briefly unavailable: a silo leaving in a rolling restart, storage
/// recovering) or a refused connection is retried up to <see cref="MaxAttempts"/> times, waiting what
/// <c>Retry-After</c> asks (at most <see cref="MaxRetryDelay"/>) or a growing delay.
/// </summary>
public sealed class AutoscalerApiClient : IDisposable
{
    /// <summary>Applying a large fleet takes the silo a while (it waits up to ten minutes for it).</summary>
    private static readonly TimeSpan FleetCallTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Recomputing a large fleet's cost recommendations takes minutes (the grain call allows an hour).</summary>
    private static readonly TimeSpan RecomputeCallTimeout = TimeSpan.FromHours(1);

    /// <summary>Attempts per call while the server answers 503 or refuses the connection.</summary>
    public const int MaxAttempts = 4;

    /// <summary>Longest wait between two attempts, whatever <c>Retry-After</c> says.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };
    private readonly HttpClient _http;
    private readonly TimeSpan _callTimeout;

    /// <summary>A client of the control plane at <paramref name="baseUrl"/>, authenticating with <paramref name="token"/>.</summary>
    /// <param name="baseUrl">The silo's base URL (a path prefix, as behind a proxy, is kept).</param>
    /// <param name="token">API key or token (none: anonymous, every data route answers 401).</param>
    /// <param name="handler">Message handler (tests); null for a plain socket handler.</param>
    /// <param name="callTimeout">Limit of one non-streaming call (default 30 s).</param>
    public AutoscalerApiClient(Uri baseUrl, string? token, HttpMessageHandler? handler = null, TimeSpan? callTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        BaseUrl = baseUrl;
        _callTimeout = callTimeout ?? TimeSpan.FromSeconds(30);
        // No client-wide timeout: the event stream stays open; each ordinary call has its own deadline.
        _http = new HttpClient(handler ?? new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10) }, disposeHandler: handler is null)
        {
            BaseAddress = new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/api/autoscaling/"),
            Timeout = Timeout.InfiniteTimeSpan,
        };
        if (!string.IsNullOrWhiteSpace(token))
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Trim());
        }
    }

    /// <summary>The URL the client talks to.</summary>
    public Uri BaseUrl { get; }

    /// <summary><c>GET /status</c>.</summary>
    public Task<JsonElement> GetStatusAsync(CancellationToken cancellationToken) => SendAsync(HttpMethod.Get, "status", null, cancellationToken);

    /// <summary><c>POST /enable</c> with <c>{ enabled, reason }</c>.</summary>
    public Task<JsonElement> SetEnabledAsync(bool enabled, string? reason, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "enable", new JsonObject { ["enabled"] = enabled, ["reason"] = reason }, cancellationToken);

    /// <summary><c>GET /targets</c>: <c>{ "targets": [...] }</c>.</summary>
    public Task<JsonElement> ListTargetsAsync(CancellationToken cancellationToken) => SendAsync(HttpMethod.Get, "targets", null, cancellationToken);

    /// <summary><c>GET /targets/{id}</c>.</summary>
    public Task<JsonElement> GetTargetAsync(string id, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"targets/{Escape(id)}", null, cancellationToken);

    /// <summary><c>PUT /targets/{id}</c>: creates or replaces a target (camelCase target definition).</summary>
    public Task<JsonElement> PutTargetAsync(string id, JsonNode definition, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, $"targets/{Escape(id)}", definition, cancellationToken);

    /// <summary><c>GET /fleet</c>: every target with its policies and every scope's limits, in the declared form.</summary>
    public Task<JsonElement> ExportFleetAsync(CancellationToken cancellationToken) => SendAsync(HttpMethod.Get, "fleet", null, cancellationToken);

    /// <summary><c>POST /fleet</c>: applies (or with <c>dryRun</c> compares) declared targets and scopes.</summary>
    public Task<JsonElement> ApplyFleetAsync(JsonNode fleet, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "fleet", fleet, cancellationToken, FleetCallTimeout);

    /// <summary><c>DELETE /targets/{id}</c>.</summary>
    public Task<JsonElement> DeleteTargetAsync(string id, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, $"targets/{Escape(id)}", null, cancellationToken);

    /// <summary><c>GET /targets/{id}/policies</c>: <c>{ "target", "policies": [...] }</c>.</summary>
    public Task<JsonElement> ListPoliciesAsync(string target, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"targets/{Escape(target)}/policies", null, cancellationToken);

    /// <summary><c>PUT /targets/{id}/policies/{name}</c> with the engine's policy JSON.</summary>
    public Task<JsonElement> PutPolicyAsync(string target, string name, JsonNode policy, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, $"targets/{Escape(target)}/policies/{Escape(name)}", policy, cancellationToken);

    /// <summary><c>DELETE /targets/{id}/policies/{name}</c>.</summary>
    public Task<JsonElement> DeletePolicyAsync(string target, string name, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, $"targets/{Escape(target)}/policies/{Escape(name)}", null, cancellationToken);

    /// <summary><c>POST /targets/{id}/scale</c> with <c>{ capacity, reason, expiresAt }</c>.</summary>
    public Task<JsonElement> ScaleAsync(string target, int capacity, string reason, DateTimeOffset? expiresAt, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"targets/{Escape(target)}/scale", new JsonObject
        {
            ["capacity"] = capacity,
            ["reason"] = reason,
            ["expiresAt"] = expiresAt?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        }, cancellationToken);

    /// <summary><c>GET /history/{target}?from&amp;to&amp;limit&amp;cursor</c>: newest first.</summary>
    public Task<JsonElement> GetHistoryAsync(
        string target, DateTimeOffset? from, DateTimeOffset? to, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var query = new List<string>();
        AddQuery(query, "from", from?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        AddQuery(query, "to", to?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        AddQuery(query, "limit", limit?.ToString(CultureInfo.InvariantCulture));
        AddQuery(query, "cursor", cursor);
        var suffix = query.Count == 0 ? string.Empty : "?" + string.Join('&', query);
        return SendAsync(HttpMethod.Get, $"history/{Escape(target)}{suffix}", null, cancellationToken);
    }

    /// <summary><c>GET /targets/{id}/trace?from&amp;to</c>: a demand-mode simulate input of what the target recorded.</summary>
    public Task<JsonElement> GetTraceAsync(string target, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var query = new List<string>();
        AddQuery(query, "from", from?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        AddQuery(query, "to", to?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        var suffix = query.Count == 0 ? string.Empty : "?" + string.Join('&', query);
        return SendAsync(HttpMethod.Get, $"targets/{Escape(target)}/trace{suffix}", null, cancellationToken);
    }

    /// <summary><c>GET /recommendations</c>.</summary>
    public Task<JsonElement> GetRecommendationsAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "recommendations", null, cancellationToken);

    /// <summary><c>GET /events[?target=]</c>: the server-sent scaling events until the stream ends or is cancelled.</summary>
    public async IAsyncEnumerable<ServerSentEvent> StreamEventsAsync(string? target, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var path = target is null ? "events" : $"events?target={Escape(target)}";
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await CallAsync(
            token => _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token), cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken), Encoding.UTF8);
        await foreach (var message in ServerSentEventReader.ReadAsync(reader, cancellationToken))
        {
            yield return message;
        }
    }

    /// <summary>Any JSON route under the API root (<c>alarms/{name}/state</c>): for commands whose routes have no method here.</summary>
    public Task<JsonElement> SendJsonAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken) =>
        SendAsync(method, path, body, cancellationToken);

    /// <summary><c>POST /optimize/recompute</c>: every target's history replayed, minutes for a large fleet (waits up to an hour).</summary>
    public Task<JsonElement> RecomputeRecommendationsAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "optimize/recompute", null, cancellationToken, RecomputeCallTimeout);

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        using var response = await SendWithRetryAsync(method, path, body?.ToJsonString(), cancellationToken, timeout);
        await EnsureSuccessAsync(response, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return default;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new ApiException((int)response.StatusCode, $"{method} {path}: the server answered {(int)response.StatusCode} with a body that is not JSON");
        }
    }

    private async Task<HttpResponseMessage> SendWithRetryAsync(HttpMethod method, string path, string? body, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var backoff = TimeSpan.FromMilliseconds(500);
        for (var attempt = 1; ; attempt++)
        {
            // A request message is sent once: each attempt builds its own.
            using var request = new HttpRequestMessage(method, path);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8);
                request.Content.Headers.ContentType = JsonMediaType;
            }

            TimeSpan wait;
            try
            {
                var response = await CallAsync(token => _http.SendAsync(request, token), cancellationToken, timeout);
                if (response.StatusCode != System.Net.HttpStatusCode.ServiceUnavailable || attempt == MaxAttempts)
                {
                    return response;
                }

                wait = response.Headers.RetryAfter?.Delta ?? backoff;
                response.Dispose();
            }
            catch (HttpRequestException) when (attempt < MaxAttempts)
            {
                // Connection refused or reset: the silo behind the URL may be restarting.
                wait = backoff;
            }

            await Task.Delay(wait < MaxRetryDelay ? wait : MaxRetryDelay, cancellationToken);
            backoff *= 2;
        }
    }

    private async Task<HttpResponseMessage> CallAsync(Func<CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var limit = timeout is { } longer && longer > _callTimeout ? longer : _callTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        try
        {
            return await send(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{BaseUrl} did not answer within {limit.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        throw new ApiException((int)response.StatusCode, ProblemText.Describe((int)response.StatusCode, response.ReasonPhrase, body), ProblemText.FieldErrors(body));
    }

    private static void AddQuery(List<string> query, string name, string? value)
    {
        if (value is not null)
        {
            query.Add($"{name}={Uri.EscapeDataString(value)}");
        }
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
