using System.Text.Json;
using Autoscaler.Adapters.Aws.CloudWatch;
using Autoscaler.Adapters.Aws.Signing;
using Autoscaler.Adapters.Tests.Actuators.Support;

namespace Autoscaler.Adapters.Tests.Aws;

/// <summary>The thin CloudWatch JSON 1.0 client against a local server that checks what AWS would check.</summary>
public sealed class CloudWatchClientTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 25, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    private static readonly CloudWatchGetMetricDataRequest CpuRequest = new(
        [CloudWatchMetricDataQuery.ForMetric("m0", new CloudWatchMetricStat(
            new CloudWatchMetric("AWS/ECS", "CPUUtilization", [new("ClusterName", "prod"), new("ServiceName", "worker")]), 60, "Average"))],
        Start,
        End);

    [Fact]
    public async Task GetMetricData_is_a_json_1_0_post_signed_for_monitoring_with_the_query_fields()
    {
        await using var cloudWatch = await CloudWatchTestContext.StartAsync();
        cloudWatch.Server.Enqueue(new ScriptedResponse(200, CloudWatchTestContext.Answer("m0"), "application/x-amz-json-1.0"));

        await cloudWatch.Client.GetMetricDataAsync(CpuRequest, default);

        var request = Assert.Single(cloudWatch.Server.Requests);
        Assert.Equal(("POST", "/", ""), (request.Method, request.Path, request.Query));
        Assert.Equal("application/x-amz-json-1.0", request.Header("content-type"));
        Assert.Equal("GraniteServiceVersion20100801.GetMetricData", request.Header("x-amz-target"));
        Assert.Equal("20261123T093042Z", request.Header("x-amz-date"));
        Assert.StartsWith(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261123/eu-west-1/monitoring/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target,",
            request.Header("authorization"), StringComparison.Ordinal);
        Assert.Equal((true, "ok"), SigV4Verifier.Verify(request, AwsTestCredentials.SecretKey));
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal(["MetricDataQueries", "StartTime", "EndTime", "ScanBy"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Start.ToUnixTimeSeconds(), root.GetProperty("StartTime").GetInt64());
        Assert.Equal(End.ToUnixTimeSeconds(), root.GetProperty("EndTime").GetInt64());
        Assert.Equal("TimestampDescending", root.GetProperty("ScanBy").GetString());
        var query = Assert.Single(root.GetProperty("MetricDataQueries").EnumerateArray());
        Assert.Equal(["Id", "MetricStat", "ReturnData"], query.EnumerateObject().Select(p => p.Name));
        Assert.Equal("m0", query.GetProperty("Id").GetString());
        Assert.True(query.GetProperty("ReturnData").GetBoolean());
        var stat = query.GetProperty("MetricStat");
        Assert.Equal((60, "Average"), (stat.GetProperty("Period").GetInt32(), stat.GetProperty("Stat").GetString()));
        var metric = stat.GetProperty("Metric");
        Assert.Equal(("AWS/ECS", "CPUUtilization"), (metric.GetProperty("Namespace").GetString(), metric.GetProperty("MetricName").GetString()));
        Assert.Equal(
            [("ClusterName", "prod"), ("ServiceName", "worker")],
            metric.GetProperty("Dimensions").EnumerateArray().Select(d => (d.GetProperty("Name").GetString(), d.GetProperty("Value").GetString())));
    }

    [Fact]
    public async Task An_expression_query_sends_the_expression_and_its_period_and_no_MetricStat()
    {
        await using var cloudWatch = await CloudWatchTestContext.StartAsync();
        cloudWatch.Server.Enqueue(new ScriptedResponse(200, CloudWatchTestContext.Answer("q0")));
        const string Expression = "SELECT AVG(CPUUtilization) FROM SCHEMA(\"AWS/ECS\", ClusterName, ServiceName) WHERE ServiceName = 'worker'";

        await cloudWatch.Client.GetMetricDataAsync(new([CloudWatchMetricDataQuery.ForExpression("q0", Expression, 300)], Start, End), default);

        using var body = JsonDocument.Parse(Assert.Single(cloudWatch.Server.Requests).Body);
        var query = Assert.Single(body.RootElement.GetProperty("MetricDataQueries").EnumerateArray());
        Assert.Equal(["Id", "Expression", "Period", "ReturnData"], query.EnumerateObject().Select(p => p.Name));
        Assert.Equal((Expression, 300), (query.GetProperty("Expression").GetString(), query.GetProperty("Period").GetInt32()));
    }

    [Fact]
    public async Task Results_are_read_with_epoch_second_timestamps_labels_status_messages_and_the_next_token()
    {
        await using var cloudWatch = await CloudWatchTestContext.StartAsync();
        cloudWatch.Server.Enqueue(new ScriptedResponse(200, """
            {"MetricDataResults":[
               {"Id":"m0","Label":"CPUUtilization","Timestamps":[1795426140.0,1795426080.5],"Values":[41.5,39],"StatusCode":"PartialData",
                "Messages":[{"Code":"ArithmeticError","Value":"division by zero"}]},
               {"Id":"m1","StatusCode":"Complete"}],
             "Messages":[{"Code":"MaxMetricsExceeded","Value":"too many"}],
             "NextToken":"page-2"}
            """));

        var response = await cloudWatch.Client.GetMetricDataAsync(CpuRequest, default);

        Assert.Equal(("page-2", 1), (response.NextToken, response.Attempts));
        Assert.Equal([new CloudWatchMessage("MaxMetricsExceeded", "too many")], response.Messages);
        Assert.Equal(2, response.Results.Count);
        var cpu = response.Results[0];
        Assert.Equal(("m0", "CPUUtilization", "PartialData"), (cpu.Id, cpu.Label, cpu.StatusCode));
        Assert.Equal(
            [DateTimeOffset.FromUnixTimeSeconds(1795426140), DateTimeOffset.FromUnixTimeMilliseconds(1795426080500)],
            cpu.Timestamps);
        Assert.Equal([41.5, 39.0], cpu.Values);
        Assert.Equal([new CloudWatchMessage("ArithmeticError", "division by zero")], cpu.Messages);
        var empty = response.Results[1];
        Assert.Equal(("m1", null, "Complete", 0, 0, 0), (empty.Id, empty.Label, empty.StatusCode, empty.Timestamps.Count, empty.Values.Count, empty.Messages.Count));
    }

    [Fact]
    public async Task Throttling_server_errors_and_proxy_pages_are_retried_with_a_fresh_signature_until_success()
    {
        await using var cloudWatch = await CloudWatchTestContext.StartAsync(maxAttempts: 4);
        cloudWatch.Server.Enqueue(
            new ScriptedResponse(400, CloudWatchTestContext.Error("com.amazonaws.cloudwatch#Throttling", "Rate exceeded")),
            new ScriptedResponse(500, CloudWatchTestContext.Error("InternalServiceFault", "Internal")),
            new ScriptedResponse(503, "<html>unavailable</html>", "text/html"),
            new ScriptedResponse(200, CloudWatchTestContext.Answer("m0", (End.AddMinutes(-1), 12))));

        var response = await cloudWatch.Client.GetMetricDataAsync(CpuRequest, default);

        Assert.Equal(4, response.Attempts);
        Assert.Equal([12.0], Assert.Single(response.Results).Values);
        Assert.All(cloudWatch.Server.Requests, r => Assert.True(SigV4Verifier.Verify(r, AwsTestCredentials.SecretKey).Valid));
        Assert.Single(cloudWatch.Server.Requests.Select(r => r.BodyText).Distinct());
    }

    [Theory]
    [InlineData(400, """{"__type":"com.amazonaws.cloudwatch#ThrottlingException","message":"Rate exceeded"}""", null, "ThrottlingException")]
    [InlineData(400, """{"message":"Rate exceeded"}""", "Throttling;Sender", "Throttling")] // query-compatible error header
    [InlineData(429, """{"message":"Rate exceeded"}""", null, "ThrottlingException")]
    public async Task Persistent_throttling_gives_up_after_max_attempts_as_a_retryable_throttling_error(
        int status, string body, string? queryError, string code)
    {
        await using var cloudWatch = await CloudWatchTestContext.StartAsync(maxAttempts: 3);
        var headers = queryError is null ? null : new Dictionary<string, string> { ["x-amzn-query-error"] = queryError };
        for (var i = 0; i < 5; i++)
        {
            cloudWatch.Server.Enqueue(new ScriptedResponse(status, body, Headers: headers));
        }

        var error = await Assert.ThrowsAsync<CloudWatchApiException>(() => cloudWatch.Client.GetMetricDataAsync(CpuRequest, default));

        Assert.Equal((code, status, "Rate exceeded", 3, true, true),
            (error.ErrorCode, error.StatusCode, error.Message, error.Attempts, error.Retryable, error.IsThrottling));
        Assert.Equal(3, cloudWatch.Server.Requests.Count);
    }

    [Theory]
    [InlineData(400, "com.amazonaws.cloudwatch#InvalidParameterValueException", "InvalidParameterValueException")]
    [InlineData(400, "InvalidParameterCombinationException", "InvalidParameterCombinationException")]
    [InlineData(400, "LimitExceededException", "LimitExceededException")]
    [InlineData(403, "AccessDeniedException", "AccessDeniedException")]
    [InlineData(400, "InvalidNextToken", "InvalidNextToken")]
    public async Task Client_errors_are_not_retried_and_keep_the_services_message(int status, string type, string code)
    {
        await using var cloudWatch = await CloudWatchTestContext.StartAsync(maxAttempts: 4);
        cloudWatch.Server.Enqueue(new ScriptedResponse(status, CloudWatchTestContext.Error(type, "The parameter Stat is not valid.")));

        var error = await Assert.ThrowsAsync<CloudWatchApiException>(() => cloudWatch.Client.GetMetricDataAsync(CpuRequest, default));

        Assert.Equal((code, status, "The parameter Stat is not valid.", 1, false, false),
            (error.ErrorCode, error.StatusCode, error.Message, error.Attempts, error.Retryable, error.IsThrottling));
        Assert.Single(cloudWatch.Server.Requests);
    }

    [Fact]
    public async Task An_error_without_a_type_or_message_is_named_after_its_status()
    {
        await using var cloudWatch = await CloudWatchTestContext.StartAsync(maxAttempts: 2);
        cloudWatch.Server.Enqueue(new ScriptedResponse(404, ""));

        var error = await Assert.ThrowsAsync<CloudWatchApiException>(() => cloudWatch.Client.GetMetricDataAsync(CpuRequest, default));

        Assert.Equal(("Http404", "CloudWatch returned HTTP 404 (Http404).", false), (error.ErrorCode, error.Message, error.Retryable));
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("""{"MetricDataResults":"not-a-list"}""")]
    [InlineData("""{"MetricDataResults":[{"Id":"m0","Timestamps":[1795426140],"Values":[]}]}""")]
    [InlineData("""{"MetricDataResults":[{"Id":"m0","Timestamps":[1795426140],"Values":["12"]}]}""")]
    [InlineData("""{"MetricDataResults":[{"Label":"no id"}]}""")]
    public async Task An_unexpected_success_body_is_a_MalformedResponse_not_retried(string body)
    {
        await using var cloudWatch = await CloudWatchTestContext.StartAsync();
        cloudWatch.Server.Enqueue(new ScriptedResponse(200, body));

        var error = await Assert.ThrowsAsync<CloudWatchApiException>(() => cloudWatch.Client.GetMetricDataAsync(CpuRequest, default));

        Assert.Equal(("MalformedResponse", 200, 1), (error.ErrorCode, error.StatusCode, error.Attempts));
        Assert.StartsWith("CloudWatch GetMetricData returned an unexpected body:", error.Message, StringComparison.Ordinal);
        Assert.Single(cloudWatch.Server.Requests);
    }

    [Fact]
    public async Task Connection_refused_is_retried_then_reported_as_a_NetworkError()
    {
        using var http = new HttpClient();
        var signer = new AwsRequestSigner(new StaticAwsCredentialsProvider(new("AKIDEXAMPLE", AwsTestCredentials.SecretKey)), TimeProvider.System);
        var client = new CloudWatchJsonClient(http, signer, CloudWatchTestContext.Options(ClosedPort.Url(), maxAttempts: 2), TimeProvider.System);

        var error = await Assert.ThrowsAsync<CloudWatchApiException>(() => client.GetMetricDataAsync(CpuRequest, default));

        Assert.Equal(("NetworkError", null, 2, true), (error.ErrorCode, error.StatusCode, error.Attempts, error.Retryable));
        Assert.Contains("unreachable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_credentials_fail_at_once_and_send_nothing()
    {
        await using var server = await ScriptedHttpServer.StartAsync();
        using var http = new HttpClient();
        var signer = new AwsRequestSigner(new NoCredentials(), TimeProvider.System);
        var client = new CloudWatchJsonClient(http, signer, CloudWatchTestContext.Options(server.BaseUri, maxAttempts: 3), TimeProvider.System);

        var error = await Assert.ThrowsAsync<CloudWatchApiException>(() => client.GetMetricDataAsync(CpuRequest, default));

        Assert.Equal(("CredentialsUnavailable", 1, false, "no credentials here"), (error.ErrorCode, error.Attempts, error.Retryable, error.Message));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void The_default_endpoint_is_the_regional_monitoring_host()
    {
        Assert.Equal(
            new Uri("https://monitoring.ap-southeast-2.amazonaws.com/"),
            new CloudWatchClientOptions { Region = "ap-southeast-2" }.Endpoint);
    }

    private sealed class NoCredentials : IAwsCredentialsProvider
    {
        public Task<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken) =>
            throw new AwsCredentialsUnavailableException("no credentials here");
    }
}
