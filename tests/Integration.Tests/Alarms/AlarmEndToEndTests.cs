using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Autoscaler.Adapters.Actuators.Webhook;
using Autoscaler.Integration.Tests.Api;
using Autoscaler.Integration.Tests.Api.Routes;
using Autoscaler.Silo.Api.Security;
using Autoscaler.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using NATS.Client.Core;

namespace Autoscaler.Integration.Tests.Alarms;

/// <summary>
/// The whole alarm path on a real silo (Kestrel, embedded Orleans) with a real nats-server: agents publish telemetry on
/// NATS, the alarm goes to ALARM at a period boundary, its signed webhook arrives and verifies, its event is on NATS
/// <c>autoscaler.alarms.{alarm}</c>, the target scales through its step policy with the breach as metric value; then the
/// telemetry falls back and the alarm returns to OK with its own webhook and event. Bounded: about 30 s.
/// </summary>
public sealed class AlarmEndToEndTests : IAsyncDisposable
{
    private const string Secret = "e2e-alarm-webhook-secret-0123";
    private const string Target = "e2e-worker";
    private const string Alarm = "e2e-queue-depth";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);
    private readonly string _keyDirectory = Directory.CreateTempSubdirectory("autoscaler-alarms-e2e-").FullName;
    private readonly string _telemetryPrefix = $"t{Guid.NewGuid():N}"[..12];
    private readonly string _alarmPrefix = $"a{Guid.NewGuid():N}"[..12] + ".alarms";
    private readonly WebhookReceiver _webhook = new();
    private readonly WebApplicationFactory<ApiKeyStore> _factory;
    private readonly Uri _baseAddress;

    public AlarmEndToEndTests()
    {
        var httpPort = int.Parse(FreePorts.NextText(), CultureInfo.InvariantCulture);
        _factory = new WebApplicationFactory<ApiKeyStore>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:Autoscaler", string.Empty);
            web.UseSetting("Silo:ClusterId", $"alarms-{Guid.NewGuid():N}");
            web.UseSetting("Silo:SiloPort", FreePorts.NextText());
            web.UseSetting("Silo:GatewayPort", FreePorts.NextText());
            web.UseSetting("Api:GeneratedKeyFile", Path.Combine(_keyDirectory, "admin.key"));
            web.UseSetting("Nats:Url", TestEnvironment.NatsUrl);
            web.UseSetting("Telemetry:Prefix", _telemetryPrefix);
            web.UseSetting("Nats:Alarms:SubjectPrefix", _alarmPrefix);
            web.UseSetting("Alarms:Notifications:Secret", Secret);
            web.UseSetting("Alarms:EvaluationDelay", "00:00:00.500");
            foreach (var (key, value) in TestKeys.Settings())
            {
                web.UseSetting(key, value);
            }
        });
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, httpPort));
        _factory.StartServer();
        _baseAddress = new Uri($"http://127.0.0.1:{httpPort}/");
    }

    [Fact]
    public async Task Telemetry_on_nats_drives_an_alarm_to_alarm_a_signed_webhook_an_event_a_step_scale_out_and_back_to_ok()
    {
        using var api = new HttpClient { BaseAddress = _baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestKeys.Operator);
        await PutAsync(api, $"targets/{Target}", """{ "min": 1, "max": 10, "initialCapacity": 2, "actuator": { "kind": "simulated" } }""");
        // The step policy the alarm drives (AWS: alarms drive step scaling). Its own metric has no telemetry, so it never
        // votes by itself; the alarm runs it with its breaching value.
        await PutAsync(api, $"targets/{Target}/policies/queue-steps", """
            { "name": "queue-steps", "type": "stepScaling", "metric": "queue_alarm", "threshold": 100, "adjustmentType": "ChangeInCapacity",
              "cooldownSeconds": 0, "steps": [ { "lower": 0, "upper": 400, "adjustment": 1 }, { "lower": 400, "upper": null, "adjustment": 3 } ] }
            """);
        await PutAsync(api, $"alarms/{Alarm}", $$"""
            { "name": "{{Alarm}}", "target": "{{Target}}", "severity": "critical", "metric": "queue", "statistic": "Minimum",
              "periodSeconds": 10, "evaluationPeriods": 1, "threshold": 100, "comparison": "GreaterThanThreshold",
              "alarmActions": [ { "kind": "notify", "url": "{{_webhook.Url}}" }, { "kind": "scale", "policy": "queue-steps" } ],
              "okActions": [ { "kind": "notify", "url": "{{_webhook.Url}}" } ] }
            """);

        await using var nats = new NatsConnection(new NatsOpts { Url = TestEnvironment.NatsUrl, Name = "alarm-e2e" });
        await using var events = await nats.SubscribeCoreAsync<byte[]>($"{_alarmPrefix}.{Alarm}");
        await nats.PingAsync();

        using var stop = new CancellationTokenSource(Patience);
        var alarmHook = await PublishUntilAsync(nats, 600, () => _webhook.NextAsync(Patience), stop.Token);
        var firing = Verified(alarmHook);
        var firingEvent = await NextEventAsync(events, "ALARM");

        Assert.Equal((Alarm, Target, "critical", "ALARM"), (S(firing, "alarm"), S(firing, "target"), S(firing, "severity"), S(firing, "to")));
        Assert.StartsWith("Threshold Crossed: 1 datapoint [600.0] was greater than the threshold (100.0)", S(firing, "reason"), StringComparison.Ordinal);
        Assert.Equal(["id", "alarm", "target", "at", "severity", "from", "to", "reason"], firingEvent.EnumerateObject().Select(p => p.Name));
        Assert.Equal(S(firing, "id"), S(firingEvent, "id"));

        // The notify and scale actions run side by side: the webhook can arrive before the scale-out has completed.
        var target = await ReadAsync(api, $"targets/{Target}");
        while (target.GetProperty("current").GetInt32() != 5 && !stop.IsCancellationRequested)
        {
            await Task.Delay(50, stop.Token);
            target = await ReadAsync(api, $"targets/{Target}");
        }

        Assert.Equal(5, target.GetProperty("current").GetInt32());
        Assert.Equal($"alarm:{Alarm}", target.GetProperty("lastDecision").GetProperty("actor").GetString());
        bool Scaled(JsonElement e) => S(e, "kind") == "action" && S(e, "outcome").StartsWith($"succeeded: {Target} 2 -> 5", StringComparison.Ordinal);
        var history = await ReadAsync(api, $"alarms/{Alarm}/history?limit=20");
        while (!history.GetProperty("entries").EnumerateArray().Any(Scaled) && !stop.IsCancellationRequested)
        {
            await Task.Delay(50, stop.Token);
            history = await ReadAsync(api, $"alarms/{Alarm}/history?limit=20");
        }

        Assert.Contains(history.GetProperty("entries").EnumerateArray(), Scaled);

        var okHook = await PublishUntilAsync(nats, 10, () => _webhook.NextAsync(Patience), stop.Token);
        var recovered = Verified(okHook);
        var recoveredEvent = await NextEventAsync(events, "OK");
        Assert.Equal(("ALARM", "OK"), (S(recovered, "from"), S(recovered, "to")));
        Assert.Equal(S(recovered, "id"), S(recoveredEvent, "id"));
        Assert.Equal("OK", S(await ReadAsync(api, $"alarms/{Alarm}"), "state"));
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _webhook.DisposeAsync();
        Directory.Delete(_keyDirectory, recursive: true);
    }

    /// <summary>Publishes <paramref name="queue"/> as an agent would, once a second, until <paramref name="arrived"/> completes.</summary>
    private async Task<T> PublishUntilAsync<T>(NatsConnection nats, double queue, Func<Task<T>> arrived, CancellationToken stop)
    {
        var waiting = arrived();
        while (!waiting.IsCompleted)
        {
            var sample = string.Create(CultureInfo.InvariantCulture, $$"""{ "source": "agent-1", "metrics": { "queue": {{queue}} } }""");
            await nats.PublishAsync($"{_telemetryPrefix}.{Target}", Encoding.UTF8.GetBytes(sample), cancellationToken: stop);
            await Task.WhenAny(waiting, Task.Delay(TimeSpan.FromSeconds(1), stop));
        }

        return await waiting;
    }

    private static JsonElement Verified((IReadOnlyDictionary<string, string> Headers, byte[] Body) request)
    {
        Assert.True(WebhookSignature.Verify(Secret, request.Headers.GetValueOrDefault("X-Autoscaler-Timestamp"),
            request.Headers.GetValueOrDefault("X-Autoscaler-Signature"), request.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)), "the webhook's signature must verify");
        return JsonDocument.Parse(request.Body).RootElement.Clone();
    }

    private static async Task<JsonElement> NextEventAsync(INatsSub<byte[]> events, string to)
    {
        while (true)
        {
            var message = await events.Msgs.ReadAsync().AsTask().WaitAsync(Patience);
            var json = JsonDocument.Parse(message.Data!).RootElement.Clone();
            if (S(json, "to") == to)
            {
                return json;
            }
        }
    }

    private static async Task PutAsync(HttpClient api, string path, string json)
    {
        using var response = await api.PutAsync($"/api/autoscaling/{path}", Bodies.Json(json));
        Assert.True(response.IsSuccessStatusCode, $"PUT {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<JsonElement> ReadAsync(HttpClient api, string path) =>
        JsonDocument.Parse(await api.GetStringAsync($"/api/autoscaling/{path}")).RootElement.Clone();

    private static string S(JsonElement element, string name) => element.GetProperty(name).GetString()!;
}
