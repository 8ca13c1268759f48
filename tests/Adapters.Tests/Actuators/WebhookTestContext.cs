using Autoscaler.Adapters.Actuators.Webhook;
using Autoscaler.Adapters.Tests.Actuators.Support;
using Autoscaler.Ports.Actuation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.Adapters.Tests.Actuators;

/// <summary>A webhook actuator pointed at a local scripted server.</summary>
public sealed class WebhookTestContext : IAsyncDisposable
{
    public const string Secret = "a-shared-secret-of-32-characters";

    private readonly HttpClient _http = new();

    private WebhookTestContext(ScriptedHttpServer server, string? secret, int maxAttempts)
    {
        Server = server;
        var options = new WebhookActuatorOptions
        {
            Secret = secret,
            MaxAttempts = maxAttempts,
            BaseRetryDelay = TimeSpan.Zero, // retries without waiting; the backoff itself is Polly's
            MaxRetryDelay = TimeSpan.Zero,
        };
        Client = new WebhookScaleTargetClient(_http, Options.Create(options), Clock, NullLogger<WebhookScaleTargetClient>.Instance);
        Binding = ScaleTargetRef.Create("checkout", ActuatorKind.Webhook, new Dictionary<string, string>
        {
            ["url"] = new Uri(server.BaseUri, "scale").ToString(),
            ["statusUrl"] = new Uri(server.BaseUri, "status").ToString(),
        });
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    public ScriptedHttpServer Server { get; }

    public WebhookScaleTargetClient Client { get; }

    public ScaleTargetRef Binding { get; }

    public static async Task<WebhookTestContext> StartAsync(string? secret = Secret, int maxAttempts = 3) =>
        new(await ScriptedHttpServer.StartAsync(), secret, maxAttempts);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Server.DisposeAsync();
    }
}
