using System.Text.Json;
using Autoscaler.Adapters.Aws.CloudWatch;
using Autoscaler.Adapters.Aws.Signing;
using Autoscaler.Adapters.Tests.Actuators.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.Adapters.Tests.Aws;

/// <summary><c>PutMetricData</c> and the bounded publisher in front of it, against a local server that checks the
/// signature as AWS would: batching within CloudWatch's limits, retries on throttling, nothing lost.</summary>
public sealed class CloudWatchPublisherTests : IAsyncDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);
    private readonly HttpClient _http = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 30, 42, TimeSpan.Zero));
    private ScriptedHttpServer? _server;

    [Fact]
    public async Task PutMetricData_is_a_signed_json_1_0_post_with_each_value_its_dimensions_unit_and_time()
    {
        var (server, writer) = await StartAsync(_ => Ok());

        await writer.PutMetricDataAsync("MisterSmith/Agents", [Datum("MisterSmith/Agents", "ActiveAgentCount", 7, "worker")], default);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/"), (request.Method, request.Path));
        Assert.Equal("application/x-amz-json-1.0", request.Header("content-type"));
        Assert.Equal("GraniteServiceVersion20100801.PutMetricData", request.Header("x-amz-target"));
        Assert.Contains("/eu-west-1/monitoring/aws4_request", request.Header("authorization"), StringComparison.Ordinal);
        Assert.Equal((true, "ok"), SigV4Verifier.Verify(request, AwsTestCredentials.SecretKey));
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("MisterSmith/Agents", body.RootElement.GetProperty("Namespace").GetString());
        var datum = Assert.Single(body.RootElement.GetProperty("MetricData").EnumerateArray());
        Assert.Equal("ActiveAgentCount", datum.GetProperty("MetricName").GetString());
        Assert.Equal(7, datum.GetProperty("Value").GetDouble());
        Assert.Equal("Count", datum.GetProperty("Unit").GetString());
        Assert.Equal(At.ToUnixTimeSeconds(), datum.GetProperty("Timestamp").GetInt64());
        var dimension = Assert.Single(datum.GetProperty("Dimensions").EnumerateArray());
        Assert.Equal(("Target", "worker"), (dimension.GetProperty("Name").GetString(), dimension.GetProperty("Value").GetString()));
    }

    [Fact]
    public async Task A_flush_sends_one_namespace_per_request_and_at_most_1000_values_each()
    {
        var (server, writer) = await StartAsync(_ => Ok());
        var publisher = new CloudWatchMetricPublisher(writer, 10_000, NullLogger.Instance);
        publisher.Enqueue(Enumerable.Range(0, 2100).Select(i => Datum("Autoscaler/Targets", "CurrentCapacity", i, $"t{i}")));
        publisher.Enqueue(Enumerable.Range(0, 400).Select(i => Datum("MisterSmith/Agents", "ActiveAgentCount", i, $"p{i}")));

        await publisher.FlushAsync(default);

        var bodies = server.Requests.Select(r => JsonDocument.Parse(r.Body)).ToList();
        var sizes = bodies.Select(b => (b.RootElement.GetProperty("Namespace").GetString(), b.RootElement.GetProperty("MetricData").GetArrayLength())).ToList();
        Assert.Equal([("Autoscaler/Targets", 1000), ("Autoscaler/Targets", 1000), ("Autoscaler/Targets", 100), ("MisterSmith/Agents", 400)], sizes);
        var targets = bodies.Take(3).SelectMany(b => b.RootElement.GetProperty("MetricData").EnumerateArray())
            .Select(d => d.GetProperty("Dimensions")[0].GetProperty("Value").GetString()).ToHashSet();
        Assert.Equal(2100, targets.Count);
        Assert.Equal((2500, 0, 0), (publisher.Sent, publisher.Dropped, publisher.Queued));
        Assert.All(server.Requests, r => Assert.True(SigV4Verifier.Verify(r, AwsTestCredentials.SecretKey).Valid));
    }

    [Fact]
    public async Task Large_values_are_split_by_payload_size_below_1_MB()
    {
        var (server, writer) = await StartAsync(_ => Ok());
        var publisher = new CloudWatchMetricPublisher(writer, 10_000, NullLogger.Instance);
        var wide = Enumerable.Range(0, 30).Select(d => new CloudWatchDimension($"D{d}", new string('v', 250))).ToList();
        publisher.Enqueue(Enumerable.Range(0, 200).Select(i => new CloudWatchMetricDatum("Autoscaler/Targets", "CurrentCapacity", wide, i, "Count", At)));

        await publisher.FlushAsync(default);

        Assert.True(server.Requests.Count > 1, "200 values of ~8 KB each cannot fit one request");
        Assert.All(server.Requests, r => Assert.True(r.Body.Length <= CloudWatchPutMetricDataBody.MaxPayloadBytes, $"{r.Body.Length} bytes"));
        Assert.Equal(200, publisher.Sent);
    }

    [Fact]
    public async Task Throttling_is_retried_with_the_same_batch_and_nothing_is_lost()
    {
        var (server, writer) = await StartAsync(_ => Ok(), maxAttempts: 3);
        server.Enqueue(Throttled());
        server.Enqueue(Throttled());
        var publisher = new CloudWatchMetricPublisher(writer, 100, NullLogger.Instance);
        publisher.Enqueue([Datum("Autoscaler/Targets", "CurrentCapacity", 3, "web"), Datum("Autoscaler/Targets", "MaxCapacity", 10, "web")]);

        await publisher.FlushAsync(default);

        Assert.Equal(3, server.Requests.Count);
        Assert.Single(server.Requests.Select(r => Convert.ToBase64String(r.Body)).Distinct());
        Assert.Equal((2, 0, 0), (publisher.Sent, publisher.Dropped, publisher.Queued));
    }

    [Fact]
    public async Task A_batch_still_throttled_after_the_retries_waits_for_the_next_flush()
    {
        var (server, writer) = await StartAsync(_ => Ok(), maxAttempts: 2);
        server.Enqueue(Throttled());
        server.Enqueue(Throttled());
        var publisher = new CloudWatchMetricPublisher(writer, 100, NullLogger.Instance);
        publisher.Enqueue([Datum("Autoscaler/Targets", "CurrentCapacity", 3, "web")]);

        await publisher.FlushAsync(default);
        Assert.Equal((0, 0, 1), (publisher.Sent, publisher.Dropped, publisher.Queued));

        publisher.Enqueue([Datum("Autoscaler/Targets", "CurrentCapacity", 4, "web")]);
        await publisher.FlushAsync(default);

        Assert.Equal((2, 0, 0), (publisher.Sent, publisher.Dropped, publisher.Queued));
        using var last = JsonDocument.Parse(server.Requests[^1].Body);
        Assert.Equal([3.0, 4.0], last.RootElement.GetProperty("MetricData").EnumerateArray().Select(d => d.GetProperty("Value").GetDouble()));
    }

    [Fact]
    public async Task A_refused_batch_is_dropped_and_counted_not_retried()
    {
        var (server, writer) = await StartAsync(_ => new ScriptedResponse(400, """{"__type":"InvalidParameterValueException","message":"bad"}"""));
        var publisher = new CloudWatchMetricPublisher(writer, 100, NullLogger.Instance);
        publisher.Enqueue([Datum("Autoscaler/Targets", "CurrentCapacity", 3, "web")]);

        await publisher.FlushAsync(default);

        Assert.Single(server.Requests);
        Assert.Equal((0, 1, 0), (publisher.Sent, publisher.Dropped, publisher.Queued));
    }

    [Fact]
    public async Task The_buffer_is_bounded_and_invalid_values_are_refused_before_sending()
    {
        var (_, writer) = await StartAsync(_ => Ok());
        var publisher = new CloudWatchMetricPublisher(writer, 10, NullLogger.Instance);

        var accepted = publisher.Enqueue(Enumerable.Range(0, 15).Select(i => Datum("Autoscaler/Targets", "CurrentCapacity", i, $"t{i}")));
        publisher.Enqueue([Datum("AWS/ECS", "CPUUtilization", 1, "x"), Datum("Autoscaler/Targets", "CurrentCapacity", double.NaN, "x")]);

        Assert.Equal((10, 10, 5, 2), (accepted, publisher.Queued, publisher.Dropped, publisher.Rejected));
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    internal static CloudWatchMetricDatum Datum(string ns, string metric, double value, string target) =>
        new(ns, metric, [new CloudWatchDimension("Target", target)], value, "Count", At);

    private static ScriptedResponse Ok() => new(200, "{}", "application/x-amz-json-1.0");

    private static ScriptedResponse Throttled() => new(400, """{"__type":"Throttling","message":"Rate exceeded"}""");

    private async Task<(ScriptedHttpServer Server, CloudWatchMetricWriter Writer)> StartAsync(
        Func<RecordedRequest, ScriptedResponse> fallback, int maxAttempts = 3)
    {
        _server = await ScriptedHttpServer.StartAsync(fallback);
        var signer = new AwsRequestSigner(new StaticAwsCredentialsProvider(new AwsCredentials("AKIDEXAMPLE", AwsTestCredentials.SecretKey)), _clock);
        return (_server, new CloudWatchMetricWriter(_http, signer, CloudWatchTestContext.Options(_server.BaseUri, maxAttempts), _clock));
    }
}
