using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Autoscaler.Testing;

namespace Autoscaler.Integration.Tests.Failover;

/// <summary>
/// The far end of the webhook actuator, on 127.0.0.1: records every scale POST (decision id, capacity, arrival) in
/// arrival order and answers the status GET with the last capacity it was told, as a real scaled service would.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<ReceivedScale> _received = [];
    private readonly Channel<ReceivedScale> _arrivals = Channel.CreateUnbounded<ReceivedScale>();
    private int _desired;

    private WebhookReceiver(WebApplication app, int port, int initial)
    {
        _app = app;
        _desired = initial;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri BaseAddress { get; }

    /// <summary>A target definition whose webhook actuator calls this receiver: 1..100, starting at 2, evaluated every 2 s.</summary>
    public Autoscaler.Grains.Interfaces.TargetDefinition Target(string id, string behaviorJson) => new(
        id, 1, 100, 2,
        new Autoscaler.Grains.Interfaces.ActuatorBinding("webhook", new Dictionary<string, string>
        {
            ["url"] = new Uri(BaseAddress, "/scale").ToString(),
            ["statusUrl"] = new Uri(BaseAddress, "/status").ToString(),
        }),
        EvaluationIntervalSeconds: 2,
        BehaviorJson: behaviorJson);

    public ChannelReader<ReceivedScale> Arrivals => _arrivals.Reader;

    public IReadOnlyList<ReceivedScale> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    public static async Task<WebhookReceiver> StartAsync(int initial)
    {
        var port = FreePorts.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, port, initial);
        app.MapPost("/scale", receiver.ScaleAsync);
        app.MapGet("/status", () => Results.Json(new { desired = Volatile.Read(ref receiver._desired) }));
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<IResult> ScaleAsync(HttpRequest request)
    {
        using var body = await JsonDocument.ParseAsync(request.Body);
        var received = new ReceivedScale(
            body.RootElement.GetProperty("decisionId").GetString()!,
            body.RootElement.GetProperty("desiredCapacity").GetInt32(),
            DateTimeOffset.UtcNow);
        lock (_received)
        {
            _received.Add(received);
        }

        Volatile.Write(ref _desired, received.Desired);
        _arrivals.Writer.TryWrite(received);
        return Results.Json(new { desired = received.Desired, running = received.Desired, pending = 0 });
    }
}
