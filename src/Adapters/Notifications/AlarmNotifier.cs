using System.Globalization;
using System.Net.Http.Headers;
using Autoscaler.Adapters.Actuators.Webhook;
using Autoscaler.Adapters.Nats.Connection;
using Autoscaler.Adapters.Resilience;
using Autoscaler.Ports.Alarms;
using Microsoft.Extensions.Options;
using Polly;

namespace Autoscaler.Adapters.Notifications;

/// <summary>
/// <see cref="IAlarmNotifier"/>: delivers to the request's destination, or, for a routed request, to every configured
/// channel that takes its severity. Signed webhooks carry the webhook actuator's HMAC-SHA256 signature over
/// <c>{timestamp}.{body}</c> and the history entry's id as idempotency key; 429, 5xx, timeouts and connection failures are
/// retried. Never throws for delivery trouble: each destination gets an outcome.
/// </summary>
public sealed class AlarmNotifier(HttpClient http, NatsConnectionHost nats, IOptions<AlarmNotificationOptions> options, TimeProvider clock) : IAlarmNotifier
{
    private readonly AlarmNotificationOptions _options = options.Value;
    private readonly ResiliencePipeline<NotificationOutcome> _retry =
        RetryPipeline.Create<NotificationOutcome>(options.Value, clock, outcome => outcome.Message?.StartsWith("retry:", StringComparison.Ordinal) == true);

    /// <inheritdoc />
    public async Task<IReadOnlyList<NotificationOutcome>> NotifyAsync(NotificationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Url is { } url)
        {
            return [await PostAsync(url, request.Format, request, cancellationToken)];
        }

        if (request.Subject is { } subject)
        {
            return [await PublishAsync(subject, request, cancellationToken)];
        }

        var channels = request.Channel is { } name
            ? _options.Channels.Where(c => c.Name == name).ToList()
            : _options.Channels.Where(c => c.Takes(request.Record.Severity)).ToList();
        if (request.Channel is { } missing && channels.Count == 0)
        {
            return [new NotificationOutcome($"channel {missing}", false, "no such channel in Alarms:Notifications:Channels")];
        }

        var outcomes = new List<NotificationOutcome>(channels.Count);
        foreach (var channel in channels)
        {
            var outcome = channel.Kind == "nats"
                ? await PublishAsync(channel.Subject!, request, cancellationToken)
                : await PostAsync(channel.Url!.ToString(), channel.Kind == "webhook" ? "signed" : channel.Kind, request, cancellationToken);
            outcomes.Add(outcome with { Destination = $"channel {channel.Name} ({outcome.Destination})" });
        }

        return outcomes;
    }

    private async Task<NotificationOutcome> PublishAsync(string subject, NotificationRequest request, CancellationToken cancellationToken)
    {
        var destination = $"nats {subject}";
        if (nats.Connection is not { } connection)
        {
            return new NotificationOutcome(destination, false, "NATS is not configured (Nats:Url)");
        }

        try
        {
            await connection.PublishAsync(subject, NotificationBodies.Event(request.Record, request.Description), cancellationToken: cancellationToken);
            return new NotificationOutcome(destination, true);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return new NotificationOutcome(destination, false, error.Message);
        }
    }

    private async Task<NotificationOutcome> PostAsync(string url, string format, NotificationRequest request, CancellationToken cancellationToken)
    {
        var body = format switch
        {
            "slack" => NotificationBodies.Slack(request.Record, request.Description),
            "teams" => NotificationBodies.Teams(request.Record, request.Description),
            _ => NotificationBodies.Event(request.Record, request.Description),
        };
        var signed = format is not ("slack" or "teams");
        if (signed && string.IsNullOrEmpty(_options.Secret))
        {
            return new NotificationOutcome(url, false, "no signing secret configured (Alarms:Notifications:Secret): refusing to send unsigned");
        }

        var outcome = await _retry.ExecuteAsync(token => new ValueTask<NotificationOutcome>(SendOnceAsync(url, body, signed, request.Record.Id, token)), cancellationToken);
        return outcome.Message is { } message ? outcome with { Message = message.StartsWith("retry:", StringComparison.Ordinal) ? message[6..].Trim() : message } : outcome;
    }

    private async Task<NotificationOutcome> SendOnceAsync(string url, byte[] body, bool signed, string id, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.RequestTimeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (signed)
        {
            var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            message.Headers.TryAddWithoutValidation(_options.TimestampHeader, timestamp);
            message.Headers.TryAddWithoutValidation(_options.SignatureHeader, WebhookSignature.Compute(_options.Secret!, timestamp, body));
            message.Headers.TryAddWithoutValidation(_options.IdempotencyKeyHeader, id);
        }

        try
        {
            using var response = await http.SendAsync(message, linked.Token);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? new NotificationOutcome(url, true)
                : new NotificationOutcome(url, false, (status is 408 or 429 or >= 500 ? "retry: " : string.Empty) + $"HTTP {status}");
        }
        catch (HttpRequestException error)
        {
            return new NotificationOutcome(url, false, $"retry: {error.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new NotificationOutcome(url, false, $"retry: no answer within {_options.RequestTimeout}");
        }
    }
}
