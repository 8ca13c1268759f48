using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Autoscaler.Adapters.Resilience;
using Autoscaler.Ports.Actuation;
using Polly;

namespace Autoscaler.Adapters.Actuators.Webhook;

/// <summary>
/// Sends one signed webhook call with bounded retries: every attempt gets a fresh timestamp and signature over the same
/// bytes and the same idempotency key; 429, 5xx, 408, timeouts and connection failures are retried.
/// </summary>
internal sealed class WebhookSender(HttpClient httpClient, WebhookActuatorOptions options, TimeProvider timeProvider)
{
    private readonly ResiliencePipeline<WebhookAttempt> _retry =
        RetryPipeline.Create<WebhookAttempt>(options, timeProvider, attempt => attempt.Retryable);

    /// <summary>The last attempt's outcome and the number of attempts made (0 when nothing could be sent).</summary>
    public async Task<(WebhookAttempt Attempt, int Attempts)> SendAsync(
        HttpMethod method,
        Uri uri,
        byte[] body,
        string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.Secret))
        {
            return (new WebhookAttempt(false, string.Empty, ScaleTargetErrorKind.Invalid,
                "No webhook secret configured (Actuators:Webhook:Secret): refusing to send unsigned requests."), 0);
        }

        var attempts = 0;
        var outcome = await _retry.ExecuteAsync(
            async token =>
            {
                attempts++;
                return await SendOnceAsync(method, uri, body, idempotencyKey, options.Secret, token);
            },
            cancellationToken);
        return (outcome, attempts);
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

    private async Task<WebhookAttempt> SendOnceAsync(
        HttpMethod method,
        Uri uri,
        byte[] body,
        string? idempotencyKey,
        string secret,
        CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.RequestTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = new HttpRequestMessage(method, uri);
        if (method != HttpMethod.Get)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        var timestamp = timeProvider.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        request.Headers.TryAddWithoutValidation(options.TimestampHeader, timestamp);
        request.Headers.TryAddWithoutValidation(options.SignatureHeader, WebhookSignature.Compute(secret, timestamp, body));
        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation(options.IdempotencyKeyHeader, idempotencyKey);
        }

        try
        {
            using var response = await httpClient.SendAsync(request, linked.Token);
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
                $"Webhook did not answer within {options.RequestTimeout}.");
        }
    }
}
