using System.Globalization;
using Autoscaler.Adapters.Aws.CloudWatch;
using Autoscaler.Adapters.Aws.Signing;
using Autoscaler.Adapters.Tests.Actuators.Support;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.Adapters.Tests.Aws;

/// <summary>
/// A CloudWatch client pointed at a local scripted server standing in for <c>monitoring.eu-west-1.amazonaws.com</c>,
/// signing with static test-suite credentials at a fixed time (09:30:42 UTC, so windows end on the 09:30 boundary).
/// </summary>
public sealed class CloudWatchTestContext : IAsyncDisposable
{
    public const string Region = "eu-west-1";

    private readonly HttpClient _http = new();

    private CloudWatchTestContext(ScriptedHttpServer server, int maxAttempts)
    {
        Server = server;
        var signer = new AwsRequestSigner(new StaticAwsCredentialsProvider(new AwsCredentials("AKIDEXAMPLE", AwsTestCredentials.SecretKey)), Clock);
        Client = new CloudWatchJsonClient(_http, signer, Options(server.BaseUri, maxAttempts), Clock);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 30, 42, TimeSpan.Zero));

    public ScriptedHttpServer Server { get; }

    public CloudWatchJsonClient Client { get; }

    public static async Task<CloudWatchTestContext> StartAsync(
        int maxAttempts = 3,
        Func<RecordedRequest, ScriptedResponse>? fallback = null) =>
        new(await ScriptedHttpServer.StartAsync(fallback), maxAttempts);

    /// <summary>Retries without waiting: the backoff itself is Polly's and tested with ECS.</summary>
    public static CloudWatchClientOptions Options(Uri serviceUrl, int maxAttempts = 3) => new()
    {
        Region = Region,
        ServiceUrl = serviceUrl,
        MaxAttempts = maxAttempts,
        BaseRetryDelay = TimeSpan.Zero,
        MaxRetryDelay = TimeSpan.Zero,
    };

    /// <summary>A <c>GetMetricData</c> answer with one series of (time, value) datapoints, in the order given.</summary>
    public static string Answer(string id, params (DateTimeOffset At, double Value)[] points) =>
        $$"""{"MetricDataResults":[{{Series(id, "Complete", points)}}],"Messages":[]}""";

    public static string Series(string id, string statusCode, params (DateTimeOffset At, double Value)[] points) =>
        $$"""{"Id":"{{id}}","Label":"{{id}}-label","Timestamps":[{{string.Join(',', points.Select(p => p.At.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)))}}],"Values":[{{string.Join(',', points.Select(p => p.Value.ToString("R", CultureInfo.InvariantCulture)))}}],"StatusCode":"{{statusCode}}"}""";

    public static string Error(string type, string message) => $$"""{"__type":"{{type}}","message":"{{message}}"}""";

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Server.DisposeAsync();
    }
}
