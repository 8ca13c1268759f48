using Autoscaler.Adapters.Actuators.Ecs;
using Autoscaler.Adapters.Aws.Signing;
using Autoscaler.Adapters.Tests.Actuators.Support;
using Autoscaler.Adapters.Tests.Aws;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.Adapters.Tests.Actuators.Ecs;

/// <summary>An ECS client and actuator pointed at a local scripted server, signing with the test-suite key.</summary>
public sealed class EcsTestContext : IAsyncDisposable
{
    public const string SecretKey = AwsTestCredentials.SecretKey;

    private readonly HttpClient _http = new();

    private EcsTestContext(ScriptedHttpServer server, int maxAttempts, string? sessionToken)
    {
        Server = server;
        var signer = new AwsRequestSigner(
            new StaticAwsCredentialsProvider(new AwsCredentials("AKIDEXAMPLE", SecretKey, sessionToken)), Clock);
        var options = new EcsActuatorOptions
        {
            Region = "eu-west-1",
            ServiceUrl = server.BaseUri.ToString(),
            MaxAttempts = maxAttempts,
            BaseRetryDelay = TimeSpan.Zero, // retries without waiting; the backoff itself is Polly's
            MaxRetryDelay = TimeSpan.Zero,
        };
        Client = new EcsJsonClient(_http, signer, Options.Create(options), Clock, NullLogger<EcsJsonClient>.Instance);
        Actuator = new EcsScaleTargetClient(Client, NullLogger<EcsScaleTargetClient>.Instance);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero));

    public ScriptedHttpServer Server { get; }

    public EcsJsonClient Client { get; }

    public EcsScaleTargetClient Actuator { get; }

    public static async Task<EcsTestContext> StartAsync(int maxAttempts = 3, string? sessionToken = null) =>
        new(await ScriptedHttpServer.StartAsync(), maxAttempts, sessionToken);

    public static string ServiceJson(int desired, int running, int pending, string status = "ACTIVE") =>
        $$"""{"serviceName":"worker","serviceArn":"arn:aws:ecs:eu-west-1:123456789012:service/prod/worker","status":"{{status}}","desiredCount":{{desired}},"runningCount":{{running}},"pendingCount":{{pending}}}""";

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Server.DisposeAsync();
    }
}
