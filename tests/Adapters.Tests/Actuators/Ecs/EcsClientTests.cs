using System.Text.Json;
using Autoscaler.Adapters.Actuators.Ecs;
using Autoscaler.Adapters.Tests.Actuators.Support;
using Autoscaler.Ports.Actuation;

namespace Autoscaler.Adapters.Tests.Actuators.Ecs;

public sealed class EcsClientTests
{
    private static readonly ScaleTargetRef Worker = ScaleTargetRef.Create(
        "worker", ActuatorKind.Ecs, new Dictionary<string, string> { ["cluster"] = "prod", ["service"] = "worker" });

    [Fact]
    public async Task DescribeServices_is_a_signed_json_1_1_post_with_the_cluster_and_service()
    {
        await using var ecs = await EcsTestContext.StartAsync();
        ecs.Server.Enqueue(new ScriptedResponse(200, $$"""{"services":[{{EcsTestContext.ServiceJson(4, 3, 1)}}],"failures":[]}"""));

        var result = await ecs.Actuator.GetCapacityAsync(Worker);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(new ObservedCapacity(4, 3, 1), result.Capacity);
        var request = Assert.Single(ecs.Server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/", request.Path);
        Assert.Equal("application/x-amz-json-1.1", request.Header("content-type"));
        Assert.Equal("AmazonEC2ContainerServiceV20141113.DescribeServices", request.Header("x-amz-target"));
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("prod", body.RootElement.GetProperty("cluster").GetString());
        Assert.Equal(["worker"], body.RootElement.GetProperty("services").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("20261123T093000Z", request.Header("x-amz-date"));
        Assert.StartsWith(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261123/eu-west-1/ecs/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target,",
            request.Header("authorization"), StringComparison.Ordinal);
        Assert.Equal((true, "ok"), SigV4Verifier.Verify(request, EcsTestContext.SecretKey));
    }

    [Fact]
    public async Task UpdateService_sends_only_the_desired_count_and_reports_the_service_afterwards()
    {
        await using var ecs = await EcsTestContext.StartAsync();
        ecs.Server.Enqueue(new ScriptedResponse(200, $$"""{"service":{{EcsTestContext.ServiceJson(6, 3, 0)}}}"""));

        var result = await ecs.Actuator.SetDesiredCapacityAsync(Worker, new DesiredCapacityRequest("decision-1", 6));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(new ObservedCapacity(6, 3, 0), result.Capacity);
        var request = Assert.Single(ecs.Server.Requests);
        Assert.Equal("AmazonEC2ContainerServiceV20141113.UpdateService", request.Header("x-amz-target"));
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(
            ["cluster", "service", "desiredCount"],
            body.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("worker", body.RootElement.GetProperty("service").GetString());
        Assert.Equal(6, body.RootElement.GetProperty("desiredCount").GetInt32());
        Assert.True(SigV4Verifier.Verify(request, EcsTestContext.SecretKey).Valid);
    }

    [Fact]
    public async Task A_session_token_is_sent_and_signed()
    {
        await using var ecs = await EcsTestContext.StartAsync(sessionToken: "FQoGZXIvYXdzEXAMPLETOKEN");
        ecs.Server.Enqueue(new ScriptedResponse(200, $$"""{"services":[{{EcsTestContext.ServiceJson(1, 1, 0)}}]}"""));

        await ecs.Actuator.GetCapacityAsync(Worker);

        var request = Assert.Single(ecs.Server.Requests);
        Assert.Equal("FQoGZXIvYXdzEXAMPLETOKEN", request.Header("x-amz-security-token"));
        Assert.Contains("SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target,", request.Header("authorization"),
            StringComparison.Ordinal);
        Assert.True(SigV4Verifier.Verify(request, EcsTestContext.SecretKey).Valid);
    }

    [Fact]
    public async Task Throttling_and_server_errors_are_retried_with_a_fresh_signature_until_success()
    {
        await using var ecs = await EcsTestContext.StartAsync(maxAttempts: 4);
        ecs.Server.Enqueue(
            new ScriptedResponse(429, """{"__type":"ThrottlingException","message":"Rate exceeded"}"""),
            new ScriptedResponse(500, """{"__type":"ServerException","message":"Internal"}"""),
            new ScriptedResponse(400, """{"__type":"com.amazonaws.ecs#ThrottlingException","message":"Rate exceeded"}"""),
            new ScriptedResponse(200, $$"""{"service":{{EcsTestContext.ServiceJson(5, 2, 3)}}}"""));

        var result = await ecs.Actuator.SetDesiredCapacityAsync(Worker, new DesiredCapacityRequest("decision-2", 5));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(4, result.Attempts);
        Assert.Equal(4, ecs.Server.Requests.Count);
        Assert.All(ecs.Server.Requests, r => Assert.True(SigV4Verifier.Verify(r, EcsTestContext.SecretKey).Valid));
        Assert.Single(ecs.Server.Requests.Select(r => r.BodyText).Distinct());
    }

    [Fact]
    public async Task Persistent_throttling_gives_up_after_max_attempts_as_Throttled()
    {
        await using var ecs = await EcsTestContext.StartAsync(maxAttempts: 3);
        for (var i = 0; i < 5; i++)
        {
            ecs.Server.Enqueue(new ScriptedResponse(400, """{"__type":"ThrottlingException","message":"Rate exceeded"}"""));
        }

        var result = await ecs.Actuator.SetDesiredCapacityAsync(Worker, new DesiredCapacityRequest("decision-3", 5));

        Assert.False(result.Succeeded);
        Assert.Equal(ScaleTargetErrorKind.Throttled, result.ErrorKind);
        Assert.True(result.IsRetryable);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(3, ecs.Server.Requests.Count);
    }

    [Fact]
    public async Task Persistent_server_errors_give_up_as_Transient()
    {
        await using var ecs = await EcsTestContext.StartAsync(maxAttempts: 2);
        ecs.Server.Enqueue(new ScriptedResponse(503, "<html>unavailable</html>", "text/html"), new ScriptedResponse(500, ""));

        var result = await ecs.Actuator.GetCapacityAsync(Worker);

        Assert.Equal(ScaleTargetErrorKind.Transient, result.ErrorKind);
        Assert.Equal(2, ecs.Server.Requests.Count);
    }

    [Theory]
    [InlineData("ServiceNotFoundException", ScaleTargetErrorKind.NotFound)]
    [InlineData("ClusterNotFoundException", ScaleTargetErrorKind.NotFound)]
    [InlineData("AccessDeniedException", ScaleTargetErrorKind.Unauthorized)]
    [InlineData("InvalidParameterException", ScaleTargetErrorKind.Invalid)]
    [InlineData("ClientException", ScaleTargetErrorKind.Invalid)]
    public async Task Client_errors_are_not_retried(string errorType, ScaleTargetErrorKind expected)
    {
        await using var ecs = await EcsTestContext.StartAsync(maxAttempts: 4);
        ecs.Server.Enqueue(new ScriptedResponse(400, $$"""{"__type":"{{errorType}}","message":"nope"}"""));

        var result = await ecs.Actuator.SetDesiredCapacityAsync(Worker, new DesiredCapacityRequest("decision-4", 2));

        Assert.Equal(expected, result.ErrorKind);
        Assert.Contains("nope", result.Message, StringComparison.Ordinal);
        Assert.Single(ecs.Server.Requests);
    }

    [Fact]
    public async Task A_missing_service_in_DescribeServices_failures_is_NotFound()
    {
        await using var ecs = await EcsTestContext.StartAsync();
        ecs.Server.Enqueue(new ScriptedResponse(200,
            """{"services":[],"failures":[{"arn":"arn:aws:ecs:eu-west-1:123456789012:service/prod/worker","reason":"MISSING"}]}"""));

        var result = await ecs.Actuator.GetCapacityAsync(Worker);

        Assert.Equal(ScaleTargetErrorKind.NotFound, result.ErrorKind);
    }

    [Theory]
    [InlineData("""{"services":"not-a-list"}""")]
    [InlineData("""{"services":[{"serviceName":42}]}""")]
    [InlineData("not json at all")]
    public async Task An_unexpected_response_body_is_a_Transient_failure_not_an_exception(string body)
    {
        await using var ecs = await EcsTestContext.StartAsync();
        ecs.Server.Enqueue(new ScriptedResponse(200, body));

        var result = await ecs.Actuator.GetCapacityAsync(Worker);

        Assert.Equal(ScaleTargetErrorKind.Transient, result.ErrorKind);
        Assert.StartsWith("MalformedResponse", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_inactive_service_is_NotFound()
    {
        await using var ecs = await EcsTestContext.StartAsync();
        ecs.Server.Enqueue(new ScriptedResponse(200, $$"""{"services":[{{EcsTestContext.ServiceJson(0, 0, 0, "INACTIVE")}}]}"""));

        var result = await ecs.Actuator.GetCapacityAsync(Worker);

        Assert.Equal(ScaleTargetErrorKind.NotFound, result.ErrorKind);
    }

    [Fact]
    public async Task A_binding_without_cluster_is_Invalid_and_sends_nothing()
    {
        await using var ecs = await EcsTestContext.StartAsync();
        var binding = ScaleTargetRef.Create("worker", ActuatorKind.Ecs, new Dictionary<string, string> { ["service"] = "worker" });

        var result = await ecs.Actuator.SetDesiredCapacityAsync(binding, new DesiredCapacityRequest("decision-5", 2));

        Assert.Equal(ScaleTargetErrorKind.Invalid, result.ErrorKind);
        Assert.Equal(0, result.Attempts);
        Assert.Empty(ecs.Server.Requests);
    }

    [Fact]
    public async Task Connection_refused_is_retried_then_reported_Transient()
    {
        using var http = new HttpClient();
        var options = Microsoft.Extensions.Options.Options.Create(new EcsActuatorOptions
        {
            Region = "eu-west-1",
            ServiceUrl = ClosedPort.Url().ToString(),
            MaxAttempts = 2,
            BaseRetryDelay = TimeSpan.Zero,
            MaxRetryDelay = TimeSpan.Zero,
        });
        var signer = new Autoscaler.Adapters.Aws.Signing.AwsRequestSigner(
            new Autoscaler.Adapters.Aws.Signing.StaticAwsCredentialsProvider(new("AKIDEXAMPLE", EcsTestContext.SecretKey)),
            TimeProvider.System);
        var client = new EcsJsonClient(http, signer, options, TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<EcsJsonClient>.Instance);

        var error = await Assert.ThrowsAsync<EcsApiException>(() => client.DescribeServiceAsync(new("prod", "worker"), default));

        Assert.Equal("NetworkError", error.ErrorCode);
        Assert.Equal(2, error.Attempts);
        Assert.Equal(ScaleTargetErrorKind.Transient, EcsScaleTargetClient.Classify(error));
    }
}
