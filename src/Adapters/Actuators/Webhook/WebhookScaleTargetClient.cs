using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Autoscaler.Ports.Actuation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace Autoscaler.Adapters.Actuators.Webhook;

/// <summary>
/// The <c>webhook</c> actuator. Binding settings: <c>url</c> (required; receives a signed JSON POST of
/// <see cref="WebhookScaleRequest"/>) and <c>statusUrl</c> (optional; a signed GET answering a
/// <see cref="WebhookCapacityReport"/>, needed to read capacity). Every attempt carries a fresh timestamp and signature
/// and the same idempotency key, the decision id.
/// </summary>
public sealed class WebhookScaleTargetClient : IScaleTargetClient
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _httpClient;
    private readonly WebhookActuatorOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<WebhookScaleTargetClient> _logger;
    private readonly ResiliencePipeline<WebhookAttempt> _retry;

    /// <summary>Creates the client; <paramref name="httpClient"/> comes from the HTTP client factory.</summary>
    public WebhookScaleTargetClient(
        HttpClient httpClient,
        IOptions<WebhookActuatorOptions> options,
        TimeProvider timeProvider,
        ILogger<WebhookScaleTargetClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _httpClient = httpClient;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _retry = RetryPipelines.Create<WebhookAttempt>(
            _options.MaxAttempts, _options.BaseRetryDelay, _options.MaxRetryDelay, timeProvider, attempt => attempt.Retryable);
    }

    /// <inheritdoc />
    public ActuatorKind Kind => ActuatorKind.Webhook;

    /// <inheritdoc />
    public async Task<ScaleTargetResult> GetCapacityAsync(ActuatorBinding binding, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(binding);
        if (!TryUri(binding, "statusUrl", out var statusUrl, out var invalid))
        {
            return invalid;
        }

        var (attempt, attempts) = await SendAsync(HttpMethod.Get, statusUrl, [], idempotencyKey: null, cancellationToken);
        if (!attempt.Succeeded)
        {
            return ScaleTargetResult.Failure(attempt.ErrorKind!.Value, attempt.Message ?? "Webhook status call failed.", attempts);
        }

        return ParseReport(attempt.Body) is { Desired: { } desired } report
            ? ScaleTargetResult.Success(new ObservedCapacity(desired, report.Running, report.Pending), attempts)
            : ScaleTargetResult.Failure(ScaleTargetErrorKind.Invalid, "The status URL did not answer a 'desired' count.", attempts);
    }

    /// <inheritdoc />
    public async Task<ScaleTargetResult> SetDesiredCapacityAsync(
        ActuatorBinding binding,
        DesiredCapacityRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(binding);
        ArgumentNullException.ThrowIfNull(request);
        if (!TryUri(binding, "url", out var url, out var invalid))
        {
            return invalid;
        }

        if (request.DesiredCapacity < 0)
        {
            return ScaleTargetResult.Failure(ScaleTargetErrorKind.Invalid, "Desired capacity cannot be negative.", 0);
        }

        // Serialized once: every retry sends the same bytes, so a receiver can deduplicate by key and compare bodies.
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new WebhookScaleRequest(request.DecisionId, binding.TargetId, request.DesiredCapacity, _timeProvider.GetUtcNow()), Json);
        var (attempt, attempts) = await SendAsync(HttpMethod.Post, url, body, request.DecisionId, cancellationToken);
        if (!attempt.Succeeded)
        {
            _logger.LogWarning("Decision {DecisionId}: webhook for {Target} failed after {Attempts} attempt(s): {Kind} {Message}",
                request.DecisionId, binding.TargetId, attempts, attempt.ErrorKind, attempt.Message);
            return ScaleTargetResult.Failure(attempt.ErrorKind!.Value, attempt.Message ?? "Webhook call failed.", attempts);
        }

        _logger.LogInformation("Decision {DecisionId}: webhook for {Target} accepted desired capacity {Desired}",
            request.DecisionId, binding.TargetId, request.DesiredCapacity);
        var report = ParseReport(attempt.Body);
        return ScaleTargetResult.Success(
            new ObservedCapacity(report?.Desired ?? request.DesiredCapacity, report?.Running, report?.Pending), attempts);
    }

    private async Task<(WebhookAttempt Attempt, int Attempts)> SendAsync(
        HttpMethod method,
        Uri uri,
        byte[] body,
        string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(_options.Secret))
        {
            return (new WebhookAttempt(false, string.Empty, ScaleTargetErrorKind.Invalid,
                "No webhook secret configured (Actuators:Webhook:Secret): refusing to send unsigned requests."), 0);
        }

        var attempts = 0;
        var outcome = await _retry.ExecuteAsync(
            async token =>
            {
                attempts++;
                return await SendOnceAsync(method, uri, body, idempotencyKey, token);
            },
            cancellationToken);
        return (outcome, attempts);
    }

    private async Task<WebhookAttempt> SendOnceAsync(
        HttpMethod method,
        Uri uri,
        byte[] body,
        string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = new HttpRequestMessage(method, uri);
        if (method != HttpMethod.Get)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        var timestamp = _timeProvider.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        request.Headers.TryAddWithoutValidation(_options.TimestampHeader, timestamp);
        request.Headers.TryAddWithoutValidation(_options.SignatureHeader, WebhookSignature.Compute(_options.Secret!, timestamp, body));
        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation(_options.IdempotencyKeyHeader, idempotencyKey);
        }

        try
        {
            using var response = await _httpClient.SendAsync(request, linked.Token);
            var text = await response.Content.ReadAsStringAsync(linked.Token);
            return response.IsSuccessStatusCode
                ? new WebhookAttempt(true, text, null, null)
                : new WebhookAttempt(false, text, Classify(response.StatusCode), $"Webhook answered HTTP {(int)response.StatusCode}.");
        }
        catch (HttpRequestException ex)
        {
            return new WebhookAttempt(false, string.Empty, ScaleTargetErrorKind.Transient, ex.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookAttempt(false, string.Empty, ScaleTargetErrorKind.Transient,
                $"Webhook did not answer within {_options.RequestTimeout}.");
        }
    }

    /// <summary>How an HTTP status maps onto the port's error kinds.</summary>
    public static ScaleTargetErrorKind Classify(HttpStatusCode status) => (int)status switch
    {
        429 => ScaleTargetErrorKind.Throttled,
        401 or 403 => ScaleTargetErrorKind.Unauthorized,
        404 or 410 => ScaleTargetErrorKind.NotFound,
        408 or >= 500 => ScaleTargetErrorKind.Transient,
        _ => ScaleTargetErrorKind.Invalid,
    };

    private static WebhookCapacityReport? ParseReport(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<WebhookCapacityReport>(body, Json);
        }
        catch (JsonException)
        {
            return null; // An acknowledgement that is not a report is still an acknowledgement.
        }
    }

    private static bool TryUri(ActuatorBinding binding, string key, out Uri uri, out ScaleTargetResult invalid)
    {
        if (Uri.TryCreate(binding.Setting(key), UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https")
        {
            uri = parsed;
            invalid = null!;
            return true;
        }

        uri = null!;
        invalid = ScaleTargetResult.Failure(
            ScaleTargetErrorKind.Invalid, $"Webhook binding of target {binding.TargetId} needs an absolute http(s) '{key}' setting.", 0);
        return false;
    }
}
