using System.Text.Json;
using Autoscaler.Ports.Actuation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Autoscaler.Adapters.Actuators.Webhook;

/// <summary>
/// The <c>webhook</c> actuator. Binding settings: <c>url</c> (required; receives a signed JSON POST of
/// <see cref="WebhookScaleRequest"/>) and <c>statusUrl</c> (optional; a signed GET answering a
/// <see cref="WebhookCapacityReport"/>, needed to read capacity). Signing and retries: <see cref="WebhookSender"/>; the
/// idempotency key is the decision id. <c>resizeUrl</c> (optional) receives signed <see cref="WebhookResizeRequest"/>s;
/// without it the target cannot be resized.
/// </summary>
public sealed class WebhookScaleTargetClient : IScaleTargetClient, IResizeTarget
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly WebhookSender _sender;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<WebhookScaleTargetClient> _logger;

    /// <summary>Creates the client; <paramref name="httpClient"/> comes from the HTTP client factory.</summary>
    public WebhookScaleTargetClient(
        HttpClient httpClient,
        IOptions<WebhookActuatorOptions> options,
        TimeProvider timeProvider,
        ILogger<WebhookScaleTargetClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _sender = new WebhookSender(httpClient, options.Value, timeProvider);
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <inheritdoc />
    public ActuatorKind Kind => ActuatorKind.Webhook;

    /// <inheritdoc />
    public async Task<ScaleTargetResult> GetCapacityAsync(ScaleTargetRef binding, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(binding);
        if (!TryUri(binding, "statusUrl", out var statusUrl, out var invalid))
        {
            return invalid;
        }

        var (attempt, attempts) = await _sender.SendAsync(HttpMethod.Get, statusUrl, [], idempotencyKey: null, cancellationToken);
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
        ScaleTargetRef binding,
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
        var (attempt, attempts) = await _sender.SendAsync(HttpMethod.Post, url, body, request.DecisionId, cancellationToken);
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

    /// <summary>POSTs a signed <see cref="WebhookResizeRequest"/> to the binding's <c>resizeUrl</c> (idempotency key: the
    /// request id); any 2xx accepts it, and an answer's <c>revision</c> becomes the result's.</summary>
    public async Task<ResizeResult> ResizeAsync(ScaleTargetRef binding, ResizeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(binding);
        ArgumentNullException.ThrowIfNull(request);
        if (binding.Setting("resizeUrl") is null)
        {
            return ResizeResult.Unsupported($"Webhook target {binding.TargetId} has no 'resizeUrl' setting: add one to receive signed resize requests.");
        }

        if (!TryUri(binding, "resizeUrl", out var url, out var invalid))
        {
            return ResizeResult.Failure(ScaleTargetErrorKind.Invalid, invalid.Message!, 0);
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(
            new WebhookResizeRequest(request.RequestId, binding.TargetId, request.Vcpu, request.MemoryGiB, _timeProvider.GetUtcNow()), Json);
        var (attempt, attempts) = await _sender.SendAsync(HttpMethod.Post, url, body, request.RequestId, cancellationToken);
        if (!attempt.Succeeded)
        {
            _logger.LogWarning("Resize {RequestId}: webhook for {Target} failed after {Attempts} attempt(s): {Kind} {Message}",
                request.RequestId, binding.TargetId, attempts, attempt.ErrorKind, attempt.Message);
            return ResizeResult.Failure(attempt.ErrorKind!.Value, attempt.Message ?? "Webhook resize call failed.", attempts);
        }

        _logger.LogInformation("Resize {RequestId}: webhook for {Target} accepted {Vcpu} vCPU / {Memory} GiB",
            request.RequestId, binding.TargetId, request.Vcpu, request.MemoryGiB);
        return ResizeResult.Applied(Parse<WebhookResizeAnswer>(attempt.Body)?.Revision, "the webhook accepted the resize", attempts);
    }

    private static WebhookCapacityReport? ParseReport(string body) => Parse<WebhookCapacityReport>(body);

    private static T? Parse<T>(string body)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(body, Json);
        }
        catch (JsonException)
        {
            return null; // An acknowledgement that is not a report is still an acknowledgement.
        }
    }

    private static bool TryUri(ScaleTargetRef binding, string key, out Uri uri, out ScaleTargetResult invalid)
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
