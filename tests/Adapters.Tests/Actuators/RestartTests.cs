using System.Text.Json;
using Autoscaler.Adapters.Actuators.Compose;
using Autoscaler.Adapters.Tests.Actuators.Ecs;
using Autoscaler.Adapters.Tests.Actuators.Support;
using Autoscaler.Ports.Actuation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Autoscaler.Adapters.Tests.Actuators;

/// <summary>Restarts for alarms' remediation: what each actuator sends to force a new deployment.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task Ecs_forces_a_new_deployment_with_update_service_and_nothing_else()
    {
        await using var ecs = await EcsTestContext.StartAsync();
        ecs.Server.Enqueue(new ScriptedResponse(200, $$"""{"service":{{EcsTestContext.ServiceJson(4, 4, 0)}}}"""));
        var worker = ScaleTargetRef.Create("worker", ActuatorKind.Ecs, new Dictionary<string, string> { ["cluster"] = "prod", ["service"] = "worker" });

        var result = await ecs.Actuator.RestartAsync(worker, "HighCPU-3");

        Assert.True(result.Succeeded, result.Message);
        var request = Assert.Single(ecs.Server.Requests);
        Assert.Equal("AmazonEC2ContainerServiceV20141113.UpdateService", request.Header("x-amz-target"));
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal(["cluster", "service", "forceNewDeployment"], body.EnumerateObject().Select(p => p.Name));
        Assert.True(body.GetProperty("forceNewDeployment").GetBoolean());
        Assert.True(SigV4Verifier.Verify(request, EcsTestContext.SecretKey).Valid);
    }

    [Fact]
    public async Task Compose_restarts_the_service_then_reads_it_back_and_reports_failures()
    {
        var runner = new RecordingCommandRunner(request => request.Arguments.Contains("ps")
            ? new CommandResult(0, """{"Name":"shop-backend-1","Service":"backend","State":"running","Health":"healthy"}""", string.Empty)
            : new CommandResult(0, string.Empty, string.Empty));
        var client = new ComposeScaleTargetClient(runner, Options.Create(new ComposeActuatorOptions()), new ScriptedHostCapacityReader(), NullLogger<ComposeScaleTargetClient>.Instance);
        var backend = ScaleTargetRef.Create("backend", ActuatorKind.Compose, new Dictionary<string, string> { ["file"] = "c.yml", ["project"] = "shop", ["service"] = "backend" });

        var result = await client.RestartAsync(backend, "HighCPU-3");
        var failing = new ComposeScaleTargetClient(new RecordingCommandRunner(_ => new CommandResult(1, string.Empty, "no such service: backend")),
            Options.Create(new ComposeActuatorOptions()), new ScriptedHostCapacityReader(), NullLogger<ComposeScaleTargetClient>.Instance);
        var failed = await failing.RestartAsync(backend, "HighCPU-4");

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(["compose", "-f", "c.yml", "-p", "shop", "restart", "backend"], runner.Commands[0].Arguments);
        Assert.Equal(ScaleTargetErrorKind.NotFound, failed.ErrorKind);
    }
}
