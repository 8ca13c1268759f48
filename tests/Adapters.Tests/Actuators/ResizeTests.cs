using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Autoscaler.Adapters.Actuators.Compose;
using Autoscaler.Adapters.Actuators.Kubernetes;
using Autoscaler.Adapters.Actuators.Simulated;
using Autoscaler.Adapters.Tests.Actuators.Ecs;
using Autoscaler.Adapters.Tests.Actuators.Support;
using Autoscaler.Ports.Actuation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.Adapters.Tests.Actuators;

/// <summary>Size changes: what each actuator sends (or refuses) to run a target's replicas at a new vCPU/memory.</summary>
public sealed class ResizeTests
{
    private const string Running = "arn:aws:ecs:eu-west-1:123456789012:task-definition/worker:7";
    private const string Registered = "arn:aws:ecs:eu-west-1:123456789012:task-definition/worker:8";

    private static readonly ScaleTargetRef EcsWorker =
        ScaleTargetRef.Create("worker", ActuatorKind.Ecs, new Dictionary<string, string> { ["cluster"] = "prod", ["service"] = "worker" });

    [Fact]
    public async Task Ecs_registers_a_revision_of_the_running_definition_with_the_new_task_size_and_moves_the_service_to_it()
    {
        await using var ecs = await EcsTestContext.StartAsync();
        var service = EcsTestContext.ServiceJson(4, 4, 0).TrimEnd('}') + $$""","taskDefinition":"{{Running}}"}""";
        ecs.Server.Enqueue(
            new ScriptedResponse(200, $$"""{"services":[{{service}}],"failures":[]}"""),
            new ScriptedResponse(200, $$$"""
                {"taskDefinition":{"taskDefinitionArn":"{{{Running}}}","family":"worker","revision":7,"status":"ACTIVE",
                 "cpu":"256","memory":"512","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"compatibilities":["EC2","FARGATE"],
                 "requiresAttributes":[{"name":"com.amazonaws.ecs.capability.task-eni"}],"registeredAt":1.7e9,"registeredBy":"arn:aws:iam::1:role/x",
                 "executionRoleArn":"arn:aws:iam::1:role/exec","containerDefinitions":[{"name":"app","image":"worker:1","essential":true}]}}
                """),
            new ScriptedResponse(200, $$$"""{"taskDefinition":{"taskDefinitionArn":"{{{Registered}}}","revision":8}}"""),
            new ScriptedResponse(200, $$"""{"service":{{service}}}"""));

        var result = await ecs.Actuator.ResizeAsync(EcsWorker, new ResizeRequest("resize-1", 1, 4));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(Registered, result.Revision);
        Assert.Equal(
            ["DescribeServices", "DescribeTaskDefinition", "RegisterTaskDefinition", "UpdateService"],
            ecs.Server.Requests.Select(r => r.Header("x-amz-target")!.Replace("AmazonEC2ContainerServiceV20141113.", string.Empty, StringComparison.Ordinal)));
        Assert.All(ecs.Server.Requests, r => Assert.True(SigV4Verifier.Verify(r, EcsTestContext.SecretKey).Valid));
        var describe = JsonDocument.Parse(ecs.Server.Requests[1].Body).RootElement;
        Assert.Equal(Running, describe.GetProperty("taskDefinition").GetString());
        var register = JsonDocument.Parse(ecs.Server.Requests[2].Body).RootElement;
        Assert.Equal("1024", register.GetProperty("cpu").GetString());
        Assert.Equal("4096", register.GetProperty("memory").GetString());
        Assert.Equal("worker", register.GetProperty("family").GetString());
        Assert.Equal("worker:1", register.GetProperty("containerDefinitions")[0].GetProperty("image").GetString());
        Assert.Equal("arn:aws:iam::1:role/exec", register.GetProperty("executionRoleArn").GetString());
        foreach (var outputOnly in new[] { "taskDefinitionArn", "revision", "status", "compatibilities", "requiresAttributes", "registeredAt", "registeredBy" })
        {
            Assert.False(register.TryGetProperty(outputOnly, out _), outputOnly + " is not a RegisterTaskDefinition field");
        }

        var update = JsonDocument.Parse(ecs.Server.Requests[3].Body).RootElement;
        Assert.Equal(["cluster", "service", "taskDefinition"], update.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Registered, update.GetProperty("taskDefinition").GetString());
    }

    [Fact]
    public async Task Ecs_stops_at_a_refused_registration_and_never_updates_the_service()
    {
        await using var ecs = await EcsTestContext.StartAsync();
        var service = EcsTestContext.ServiceJson(4, 4, 0).TrimEnd('}') + $$""","taskDefinition":"{{Running}}"}""";
        ecs.Server.Enqueue(
            new ScriptedResponse(200, $$"""{"services":[{{service}}],"failures":[]}"""),
            new ScriptedResponse(200, $$$"""{"taskDefinition":{"taskDefinitionArn":"{{{Running}}}","family":"worker","cpu":"256","memory":"512","containerDefinitions":[]}}"""),
            new ScriptedResponse(400, """{"__type":"ClientException","message":"No Fargate configuration exists for given values: 1024 CPU, 512 memory."}"""));

        var result = await ecs.Actuator.ResizeAsync(EcsWorker, new ResizeRequest("resize-2", 1, 0.5));

        Assert.False(result.Succeeded);
        Assert.Equal(ScaleTargetErrorKind.Invalid, result.ErrorKind);
        Assert.Contains("No Fargate configuration", result.Message, StringComparison.Ordinal);
        Assert.Equal(3, ecs.Server.Requests.Count);
    }

    [Theory]
    [InlineData(0.1, 1)] // 102.4 CPU units
    [InlineData(1, 0.3)] // 307.2 MiB
    public async Task Ecs_refuses_sizes_that_are_not_whole_units_without_calling(double vcpu, double memoryGiB)
    {
        await using var ecs = await EcsTestContext.StartAsync();

        var result = await ecs.Actuator.ResizeAsync(EcsWorker, new ResizeRequest("resize-3", vcpu, memoryGiB));

        Assert.Equal(ScaleTargetErrorKind.Invalid, result.ErrorKind);
        Assert.Empty(ecs.Server.Requests);
    }

    [Fact]
    public async Task Webhook_posts_a_signed_resize_request_to_the_resize_url_and_reads_the_revision()
    {
        await using var hook = await WebhookTestContext.StartAsync();
        hook.Server.Enqueue(new ScriptedResponse(200, """{"revision":"v42"}"""));
        var binding = ScaleTargetRef.Create("checkout", ActuatorKind.Webhook, new Dictionary<string, string>
        {
            ["url"] = new Uri(hook.Server.BaseUri, "scale").ToString(),
            ["resizeUrl"] = new Uri(hook.Server.BaseUri, "resize").ToString(),
        });

        var result = await hook.Client.ResizeAsync(binding, new ResizeRequest("resize-7", 0.5, 2));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("v42", result.Revision);
        var request = Assert.Single(hook.Server.Requests);
        Assert.Equal(("POST", "/resize"), (request.Method, request.Path));
        Assert.Equal("resize-7", request.Header("idempotency-key"));
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("resize", body.RootElement.GetProperty("action").GetString());
        Assert.Equal("checkout", body.RootElement.GetProperty("targetId").GetString());
        Assert.Equal(0.5, body.RootElement.GetProperty("vcpu").GetDouble());
        Assert.Equal(2, body.RootElement.GetProperty("memoryGiB").GetDouble());
        var timestamp = request.Header("x-autoscaler-timestamp")!;
        byte[] signedText = [.. Encoding.UTF8.GetBytes(timestamp + "."), .. request.Body];
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(WebhookTestContext.Secret), signedText);
        Assert.Equal("sha256=" + Convert.ToHexStringLower(mac), request.Header("x-autoscaler-signature"));
    }

    [Fact]
    public async Task Webhook_without_a_resize_url_is_not_supported_and_sends_nothing()
    {
        await using var hook = await WebhookTestContext.StartAsync();

        var result = await hook.Client.ResizeAsync(hook.Binding, new ResizeRequest("resize-8", 1, 2));

        Assert.True(result.NotSupported);
        Assert.Contains("resizeUrl", result.Message, StringComparison.Ordinal);
        Assert.Empty(hook.Server.Requests);
    }

    [Fact]
    public async Task Compose_refuses_and_says_where_the_limits_are_set()
    {
        var client = new ComposeScaleTargetClient(new RecordingCommandRunner(_ => new CommandResult(0, string.Empty, string.Empty)),
            Options.Create(new ComposeActuatorOptions()), new ScriptedHostCapacityReader(), NullLogger<ComposeScaleTargetClient>.Instance);
        var binding = ScaleTargetRef.Create("backend", ActuatorKind.Compose, new Dictionary<string, string> { ["file"] = "c.yml", ["service"] = "backend" });

        var result = await client.ResizeAsync(binding, new ResizeRequest("resize-9", 0.5, 1));

        Assert.True(result.NotSupported);
        Assert.Contains("deploy.resources.limits", result.Message, StringComparison.Ordinal);
        Assert.Contains("memory: 1024M", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulated_records_the_size_once_per_request_id_and_fails_when_told_to()
    {
        var registry = new SimulatedServiceRegistry(new FakeTimeProvider());
        var client = new SimulatedScaleTargetClient(registry);
        var binding = ScaleTargetRef.Create("sim", ActuatorKind.Simulated);

        var first = await client.ResizeAsync(binding, new ResizeRequest("r-1", 1, 2));
        var repeated = await client.ResizeAsync(binding, new ResizeRequest("r-1", 1, 2));
        registry.Find("sim")!.FailNextCalls(1);
        var failed = await client.ResizeAsync(binding, new ResizeRequest("r-2", 2, 4));

        Assert.Equal("sim-1", first.Revision);
        Assert.Equal("sim-1", repeated.Revision);
        Assert.False(failed.Succeeded);
        Assert.Equal((1.0, 2.0), registry.Find("sim")!.Size);
        Assert.Equal(1, registry.Find("sim")!.Resizes);
    }
}
