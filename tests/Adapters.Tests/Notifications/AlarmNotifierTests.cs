using System.Text.Json;
using Autoscaler.Adapters.Actuators.Webhook;
using Autoscaler.Adapters.Nats;
using Autoscaler.Adapters.Nats.Connection;
using Autoscaler.Adapters.Notifications;
using Autoscaler.Adapters.Tests.Actuators.Support;
using Autoscaler.Adapters.Tests.Nats;
using Autoscaler.Ports.Alarms;
using Autoscaler.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Autoscaler.Adapters.Tests.Notifications;

/// <summary>Alarm notifications against local peers: a webhook receiver that verifies the actuator's HMAC signature,
/// Slack and Teams bodies, severity routing over configured channels, NATS subjects, retries and refusals.</summary>
public sealed class AlarmNotifierTests
{
    private const string Secret = "alarm-webhook-secret-0123456789";
    private static readonly AlarmRecord Transition = new(
        "HighCPU-7", "HighCPU", "mistersmith-worker", new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero), AlarmRecordKind.State,
        "critical", "OK", "ALARM", "Threshold Crossed: 2 out of the last 2 datapoints [95.0, 97.0] were greater than the threshold (90.0).");

    private static AlarmNotifier Notifier(AlarmNotificationOptions options, NatsConnectionHost? nats = null) =>
        new(new HttpClient(), nats ?? new NatsConnectionHost(Options.Create(new NatsOptions()), NullLoggerFactory.Instance), Options.Create(options), TimeProvider.System);

    [Fact]
    public async Task A_signed_webhook_carries_the_event_and_a_signature_the_receiver_verifies()
    {
        await using var receiver = await ScriptedHttpServer.StartAsync(_ => new ScriptedResponse(204));
        var notifier = Notifier(new AlarmNotificationOptions { Secret = Secret });

        var outcomes = await notifier.NotifyAsync(new NotificationRequest(Transition, "CPU of the worker pool", null, $"{receiver.BaseUri}hook", "signed", null), default);

        Assert.True(Assert.Single(outcomes).Succeeded);
        var request = Assert.Single(receiver.Requests);
        Assert.True(WebhookSignature.Verify(Secret, request.Header("X-Autoscaler-Timestamp"), request.Header("X-Autoscaler-Signature"), request.Body,
            DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("another-secret-0123456789", request.Header("X-Autoscaler-Timestamp"), request.Header("X-Autoscaler-Signature"),
            request.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        Assert.Equal("HighCPU-7", request.Header("Idempotency-Key"));
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(["id", "alarm", "target", "at", "severity", "from", "to", "reason", "description"], body.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Slack_and_teams_get_their_incoming_webhook_json_and_no_signature()
    {
        await using var receiver = await ScriptedHttpServer.StartAsync(_ => new ScriptedResponse(200, "ok", "text/plain"));
        var notifier = Notifier(new AlarmNotificationOptions());

        await notifier.NotifyAsync(new NotificationRequest(Transition, null, null, $"{receiver.BaseUri}slack", "slack", null), default);
        await notifier.NotifyAsync(new NotificationRequest(Transition, null, null, $"{receiver.BaseUri}teams", "teams", null), default);

        var slack = JsonDocument.Parse(receiver.Requests[0].Body).RootElement;
        var teams = JsonDocument.Parse(receiver.Requests[1].Body).RootElement;
        Assert.Equal("[critical] HighCPU is ALARM (was OK)", slack.GetProperty("text").GetString());
        Assert.Equal("section", slack.GetProperty("blocks")[0].GetProperty("type").GetString());
        Assert.Equal(("MessageCard", "D13438"), (teams.GetProperty("@type").GetString(), teams.GetProperty("themeColor").GetString()));
        Assert.Null(receiver.Requests[0].Header("X-Autoscaler-Signature"));
    }

    [Fact]
    public async Task Severity_routing_reaches_only_the_channels_that_take_the_severity()
    {
        await using var receiver = await ScriptedHttpServer.StartAsync(_ => new ScriptedResponse(200));
        var notifier = Notifier(new AlarmNotificationOptions
        {
            Secret = Secret,
            Channels =
            [
                new() { Name = "pager", Kind = "webhook", Url = new Uri($"{receiver.BaseUri}pager"), Severities = "critical" },
                new() { Name = "chat", Kind = "slack", Url = new Uri($"{receiver.BaseUri}chat"), Severities = "warning,info" },
            ],
        });

        var critical = await notifier.NotifyAsync(new NotificationRequest(Transition, null, null, null, "signed", null), default);
        var warning = await notifier.NotifyAsync(new NotificationRequest(Transition with { Severity = "warning" }, null, null, null, "signed", null), default);
        var named = await notifier.NotifyAsync(new NotificationRequest(Transition, null, "nobody", null, "signed", null), default);

        Assert.StartsWith("channel pager", Assert.Single(critical).Destination, StringComparison.Ordinal);
        Assert.StartsWith("channel chat", Assert.Single(warning).Destination, StringComparison.Ordinal);
        Assert.Equal(["/pager", "/chat"], receiver.Requests.Select(r => r.Path));
        Assert.False(Assert.Single(named).Succeeded);
    }

    [Fact]
    public async Task Server_errors_are_retried_client_errors_are_not_and_nothing_unsigned_is_sent()
    {
        await using var receiver = await ScriptedHttpServer.StartAsync(_ => new ScriptedResponse(200));
        receiver.Enqueue(new ScriptedResponse(503), new ScriptedResponse(200), new ScriptedResponse(400));
        var notifier = Notifier(new AlarmNotificationOptions { Secret = Secret, BaseRetryDelay = TimeSpan.Zero });

        var retried = await notifier.NotifyAsync(new NotificationRequest(Transition, null, null, $"{receiver.BaseUri}a", "signed", null), default);
        var refused = await notifier.NotifyAsync(new NotificationRequest(Transition, null, null, $"{receiver.BaseUri}b", "signed", null), default);
        var unsigned = await Notifier(new AlarmNotificationOptions()).NotifyAsync(new NotificationRequest(Transition, null, null, $"{receiver.BaseUri}c", "signed", null), default);

        Assert.True(Assert.Single(retried).Succeeded);
        Assert.Equal((false, "HTTP 400"), (Assert.Single(refused).Succeeded, refused[0].Message));
        Assert.StartsWith("no signing secret configured", Assert.Single(unsigned).Message, StringComparison.Ordinal);
        Assert.Equal(3, receiver.Requests.Count);
    }

    [Fact]
    public async Task A_nats_subject_receives_the_event()
    {
        await using var host = await NatsTestHosts.StartAsync(new NatsOptions { Url = TestEnvironment.NatsUrl });
        var subject = $"alerts{Guid.NewGuid():N}"[..14] + ".critical";
        await using var subscription = await host.Connection!.SubscribeCoreAsync<byte[]>(subject);
        await host.Connection.PingAsync();

        var outcomes = await Notifier(new AlarmNotificationOptions(), host).NotifyAsync(new NotificationRequest(Transition, null, null, null, "signed", subject), default);
        var message = await subscription.Msgs.ReadAsync().AsTask().WaitAsync(NatsTestHosts.Patience);

        Assert.True(Assert.Single(outcomes).Succeeded);
        Assert.Equal("HighCPU", JsonDocument.Parse(message.Data!).RootElement.GetProperty("alarm").GetString());
    }

    [Fact]
    public void Channels_are_checked_at_start_up()
    {
        var options = new AlarmNotificationOptions { Channels = [new() { Name = "x", Kind = "nats" }, new() { Name = "x", Kind = "slack", Url = new Uri("http://127.0.0.1/") }] };

        var problems = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).Select(r => r.ErrorMessage).ToList();

        Assert.Contains(problems, p => p!.Contains("a nats channel needs a Subject", StringComparison.Ordinal));
        Assert.Contains(problems, p => p!.Contains("duplicate channel name(s) x", StringComparison.Ordinal));
    }
}
