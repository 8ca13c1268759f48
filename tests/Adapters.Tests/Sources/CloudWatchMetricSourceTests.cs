using System.Text.Json;
using Autoscaler.Adapters.Sources;
using Autoscaler.Adapters.Sources.CloudWatch;
using Autoscaler.Adapters.Tests.Actuators.Support;
using Autoscaler.Adapters.Tests.Aws;
using Autoscaler.Ports.Sources;

namespace Autoscaler.Adapters.Tests.Sources;

/// <summary>
/// The CloudWatch source over the real JSON client against a local server standing in for CloudWatch. The clock stands
/// at 09:30:42, so with 60 s periods the window is 09:25:00-09:30:00 (the period in progress is left out).
/// </summary>
public sealed class CloudWatchMetricSourceTests
{
    private static readonly DateTimeOffset Boundary = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_newest_datapoint_of_the_last_five_whole_periods_is_one_aggregate_reading()
    {
        await using var cloudWatch = await CloudWatchTestContext.StartAsync();
        cloudWatch.Server.Enqueue(new ScriptedResponse(200, CloudWatchTestContext.Answer(
            CloudWatchQueries.Id, (Boundary.AddMinutes(-3), 5), (Boundary.AddMinutes(-1), 42.5), (Boundary.AddMinutes(-2), 7))));

        var result = await Source(cloudWatch, Metric(dimensions: "ClusterName=prod, ServiceName = worker", statistic: "p99")).ReadAsync(default);

        Assert.Equal(MetricSourceResultKind.Ok, result.Kind);
        Assert.Equal(new SourceReading("cpu", 42.5), Assert.Single(result.Readings));
        var request = Assert.Single(cloudWatch.Server.Requests);
        Assert.Equal("GraniteServiceVersion20100801.GetMetricData", request.Header("x-amz-target"));
        Assert.Matches(
            "^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261123/eu-west-1/monitoring/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$",
            request.Header("authorization"));
        Assert.True(SigV4Verifier.Verify(request, AwsTestCredentials.SecretKey).Valid);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(
            (Boundary.AddMinutes(-5).ToUnixTimeSeconds(), Boundary.ToUnixTimeSeconds()),
            (body.RootElement.GetProperty("StartTime").GetInt64(), body.RootElement.GetProperty("EndTime").GetInt64()));
        var query = Assert.Single(body.RootElement.GetProperty("MetricDataQueries").EnumerateArray());
        Assert.Equal("autoscaler", query.GetProperty("Id").GetString());
        var stat = query.GetProperty("MetricStat");
        Assert.Equal((60, "p99"), (stat.GetProperty("Period").GetInt32(), stat.GetProperty("Stat").GetString()));
        Assert.Equal(("AWS/ECS", "CPUUtilization"), (stat.GetProperty("Metric").GetProperty("Namespace").GetString(),
            stat.GetProperty("Metric").GetProperty("MetricName").GetString()));
        Assert.Equal(
            ["ClusterName=prod", "ServiceName=worker"],
            stat.GetProperty("Metric").GetProperty("Dimensions").EnumerateArray()
                .Select(d => $"{d.GetProperty("Name").GetString()}={d.GetProperty("Value").GetString()}"));
    }

    [Theory]
    [InlineData(10, "09:30:40", "09:25:40")] // high resolution: five periods would not reach past the publishing delay
    [InlineData(300, "09:30:00", "09:05:00")] // five 5-minute periods
    [InlineData(3600, "09:00:00", "04:00:00")]
    public async Task The_window_ends_at_the_period_in_progress_and_covers_five_periods_or_five_minutes(int period, string end, string start)
    {
        await using var cloudWatch = await CloudWatchTestContext.StartAsync();
        cloudWatch.Server.Enqueue(new ScriptedResponse(200, CloudWatchTestContext.Answer(CloudWatchQueries.Id, (Boundary, 1))));

        await Source(cloudWatch, Metric(period: period)).ReadAsync(default);

        using var body = JsonDocument.Parse(Assert.Single(cloudWatch.Server.Requests).Body);
        var day = Boundary.Date;
        Assert.Equal(
            (new DateTimeOffset(day + TimeSpan.Parse(start, null), TimeSpan.Zero).ToUnixTimeSeconds(), new DateTimeOffset(day + TimeSpan.Parse(end, null), TimeSpan.Zero).ToUnixTimeSeconds()),
            (body.RootElement.GetProperty("StartTime").GetInt64(), body.RootElement.GetProperty("EndTime").GetInt64()));
    }

    [Fact]
    public async Task A_query_is_sent_as_an_expression_with_the_period()
    {
        await using var cloudWatch = await CloudWatchTestContext.StartAsync();
        cloudWatch.Server.Enqueue(new ScriptedResponse(200, CloudWatchTestContext.Answer(CloudWatchQueries.Id, (Boundary.AddMinutes(-1), 17))));
        const string Expression = "SELECT SUM(ApproximateNumberOfMessagesVisible) FROM \"AWS/SQS\"";
        var options = new MetricSourceOptions { Kind = MetricSourceKind.CloudWatch, Region = "eu-west-1", Metric = "backlog", Query = Expression };

        var result = await Source(cloudWatch, options).ReadAsync(default);

        Assert.Equal(new SourceReading("backlog", 17), Assert.Single(result.Readings));
        using var body = JsonDocument.Parse(Assert.Single(cloudWatch.Server.Requests).Body);
        var query = Assert.Single(body.RootElement.GetProperty("MetricDataQueries").EnumerateArray());
        Assert.Equal((Expression, 60, false), (query.GetProperty("Expression").GetString(), query.GetProperty("Period").GetInt32(),
            query.TryGetProperty("MetricStat", out _)));
    }

    [Theory]
    [InlineData("""{"MetricDataResults":[{"Id":"autoscaler","Label":"CPUUtilization","Timestamps":[],"Values":[],"StatusCode":"Complete"}]}""")]
    [InlineData("""{"MetricDataResults":[]}""")] // a SEARCH that matches nothing gives no series at all
    public async Task No_datapoint_is_Empty_not_Failed(string answer)
    {
        await using var cloudWatch = await CloudWatchTestContext.StartAsync();
        cloudWatch.Server.Enqueue(new ScriptedResponse(200, answer));

        var result = await Source(cloudWatch, Metric()).ReadAsync(default);

        Assert.Equal(MetricSourceResultKind.Empty, result.Kind);
        Assert.Equal(
            "no datapoint for AWS/ECS CPUUtilization (Average, 60s) in the last 00:05:00 (none published, or dimensions that do not match exactly)",
            result.Message);
    }

    [Fact]
    public async Task Throttling_is_Failed_with_the_services_message_after_the_retries()
    {
        await using var cloudWatch = await CloudWatchTestContext.StartAsync(maxAttempts: 2);
        cloudWatch.Server.Enqueue(
            new ScriptedResponse(400, CloudWatchTestContext.Error("com.amazonaws.cloudwatch#Throttling", "Rate exceeded")),
            new ScriptedResponse(400, CloudWatchTestContext.Error("com.amazonaws.cloudwatch#Throttling", "Rate exceeded")));

        var result = await Source(cloudWatch, Metric()).ReadAsync(default);

        Assert.Equal(MetricSourceResultKind.Failed, result.Kind);
        Assert.Equal("cloudwatch throttled GetMetricData (Throttling, HTTP 400, 2 attempt(s)): Rate exceeded", result.Message);
    }

    [Fact]
    public async Task A_validation_error_is_Failed_at_once_with_the_services_message()
    {
        await using var cloudWatch = await CloudWatchTestContext.StartAsync(maxAttempts: 3);
        cloudWatch.Server.Enqueue(new ScriptedResponse(400, CloudWatchTestContext.Error(
            "com.amazonaws.cloudwatch#InvalidParameterValueException", "The value p101 for parameter Stat is not valid.")));

        var result = await Source(cloudWatch, Metric()).ReadAsync(default);

        Assert.Equal(MetricSourceResultKind.Failed, result.Kind);
        Assert.Equal(
            "cloudwatch GetMetricData failed (InvalidParameterValueException, HTTP 400, 1 attempt(s)): The value p101 for parameter Stat is not valid.",
            result.Message);
        Assert.Single(cloudWatch.Server.Requests);
    }

    [Theory]
    [InlineData("{\"MetricDataResults\":[{\"Id\":")]
    [InlineData("<html>captive portal</html>")]
    public async Task A_malformed_answer_is_Failed(string answer)
    {
        await using var cloudWatch = await CloudWatchTestContext.StartAsync();
        cloudWatch.Server.Enqueue(new ScriptedResponse(200, answer));

        var result = await Source(cloudWatch, Metric()).ReadAsync(default);

        Assert.Equal(MetricSourceResultKind.Failed, result.Kind);
        Assert.StartsWith(
            "cloudwatch GetMetricData failed (MalformedResponse, HTTP 200, 1 attempt(s)): CloudWatch GetMetricData returned an unexpected body:",
            result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Forbidden", "cloudwatch answered Forbidden for AWS/ECS CPUUtilization (Average, 60s): AccessDenied: not allowed")]
    [InlineData("InternalError", "cloudwatch answered InternalError for AWS/ECS CPUUtilization (Average, 60s): AccessDenied: not allowed")]
    public async Task A_series_CloudWatch_could_not_compute_is_Failed_with_its_messages(string status, string message)
    {
        await using var cloudWatch = await CloudWatchTestContext.StartAsync();
        cloudWatch.Server.Enqueue(new ScriptedResponse(200, $$"""
            {"MetricDataResults":[{"Id":"autoscaler","Timestamps":[],"Values":[],"StatusCode":"{{status}}",
              "Messages":[{"Code":"AccessDenied","Value":"not allowed"}]}]}
            """));

        var result = await Source(cloudWatch, Metric()).ReadAsync(default);

        Assert.Equal((MetricSourceResultKind.Failed, message), (result.Kind, result.Message));
    }

    [Fact]
    public async Task Partial_data_still_gives_the_newest_datapoint()
    {
        await using var cloudWatch = await CloudWatchTestContext.StartAsync();
        cloudWatch.Server.Enqueue(new ScriptedResponse(200,
            $$"""{"MetricDataResults":[{{CloudWatchTestContext.Series(CloudWatchQueries.Id, "PartialData", (Boundary.AddMinutes(-1), 3), (Boundary.AddMinutes(-2), 9))}}],"NextToken":"more"}"""));

        var result = await Source(cloudWatch, Metric()).ReadAsync(default);

        Assert.Equal(new SourceReading("cpu", 3), Assert.Single(result.Readings));
    }

    [Fact]
    public async Task An_expression_giving_several_series_is_Failed_naming_them()
    {
        await using var cloudWatch = await CloudWatchTestContext.StartAsync();
        cloudWatch.Server.Enqueue(new ScriptedResponse(200, $$"""
            {"MetricDataResults":[{"Id":"autoscaler","Label":"worker-a","Timestamps":[],"Values":[]},
                                  {"Id":"autoscaler","Label":"worker-b","Timestamps":[],"Values":[]}]}
            """));
        var options = new MetricSourceOptions
        {
            Kind = MetricSourceKind.CloudWatch, Region = "eu-west-1", Metric = "cpu", Query = "SEARCH('{AWS/ECS,ServiceName} CPUUtilization', 'Average')",
        };

        var result = await Source(cloudWatch, options).ReadAsync(default);

        Assert.Equal(MetricSourceResultKind.Failed, result.Kind);
        Assert.Equal("the expression returned 2 series (worker-a, worker-b); it must give one, e.g. SUM(...) of them", result.Message);
    }

    [Fact]
    public async Task Cancellation_while_CloudWatch_has_not_answered_throws_OperationCanceledException()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var cloudWatch = await CloudWatchTestContext.StartAsync(fallback: _ =>
        {
            arrived.TrySetResult();
            return new ScriptedResponse(200, CloudWatchTestContext.Answer(CloudWatchQueries.Id), Release: release.Task);
        });
        using var cancellation = new CancellationTokenSource();
        try
        {
            var read = Source(cloudWatch, Metric()).ReadAsync(cancellation.Token);
            await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
            cancellation.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read);
            Assert.Single(cloudWatch.Server.Requests);
        }
        finally
        {
            release.TrySetResult();
        }
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_Failed_without_throwing()
    {
        using var http = new HttpClient();
        var signer = new Autoscaler.Adapters.Aws.Signing.AwsRequestSigner(
            new Autoscaler.Adapters.Aws.Signing.StaticAwsCredentialsProvider(new("AKIDEXAMPLE", AwsTestCredentials.SecretKey)), TimeProvider.System);
        var client = new Autoscaler.Adapters.Aws.CloudWatch.CloudWatchJsonClient(
            http, signer, CloudWatchTestContext.Options(ClosedPort.Url(), maxAttempts: 1), TimeProvider.System);
        var source = new CloudWatchMetricSource(client, CloudWatchQueries.From(Metric()), "cpu", TimeProvider.System);

        var result = await source.ReadAsync(default);

        Assert.Equal(MetricSourceResultKind.Failed, result.Kind);
        Assert.StartsWith("cloudwatch GetMetricData failed (NetworkError, 1 attempt(s)): CloudWatch at http://127.0.0.1:", result.Message, StringComparison.Ordinal);
    }

    private static MetricSourceOptions Metric(string? dimensions = null, string statistic = "Average", int period = 60) => new()
    {
        Kind = MetricSourceKind.CloudWatch,
        Target = "worker",
        Metric = "cpu",
        Region = CloudWatchTestContext.Region,
        Namespace = "AWS/ECS",
        MetricName = "CPUUtilization",
        Dimensions = dimensions,
        Statistic = statistic,
        PeriodSeconds = period,
    };

    private static CloudWatchMetricSource Source(CloudWatchTestContext cloudWatch, MetricSourceOptions options) =>
        new(cloudWatch.Client, CloudWatchQueries.From(options), options.Metric, cloudWatch.Clock);
}
