using Autoscaler.Adapters.Actuators.Compose;
using Autoscaler.Adapters.Tests.Actuators.Support;
using Autoscaler.Adapters.Tests.Aws;
using Autoscaler.Ports.Actuation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Autoscaler.Adapters.Tests.Actuators;

/// <summary>The real process runner against a fake <c>docker</c> script found on PATH: real processes, no Docker engine.</summary>
[Collection(EnvironmentVariableCollection.Name)]
public sealed class ProcessCommandRunnerTests : IDisposable
{
    private readonly FakeDockerOnPath _docker = new();

    [Fact]
    public async Task Compose_scaling_passes_every_argument_intact_and_reads_ps_output()
    {
        var binding = ScaleTargetRef.Create("backend", ActuatorKind.Compose, new Dictionary<string, string>
        {
            ["file"] = "/srv/my shop/compose file.yml", // spaces survive because no shell is involved
            ["project"] = "p",
            ["service"] = "backend",
        });
        var client = new ComposeScaleTargetClient(
            new ProcessCommandRunner(),
            Options.Create(new ComposeActuatorOptions()),
            new ScriptedHostCapacityReader(),
            NullLogger<ComposeScaleTargetClient>.Instance);

        var scaled = await client.SetDesiredCapacityAsync(binding, new DesiredCapacityRequest("decision-1", 2));

        Assert.True(scaled.Succeeded, scaled.Message);
        Assert.Equal(new ObservedCapacity(2, 2, 0), scaled.Capacity);
        // The script recorded the last call, the ps that followed the scale.
        Assert.Equal(["compose", "-f", "/srv/my shop/compose file.yml", "-p", "p", "ps", "--all", "--format", "json", "backend"],
            _docker.RecordedArguments());
    }

    [Fact]
    public async Task A_non_zero_exit_code_and_stderr_are_reported()
    {
        _docker.Mode = "fail";

        var result = await new ProcessCommandRunner().RunAsync(
            new CommandRequest("docker", ["compose", "up", "--scale", "backend=3; echo injected"], TimeSpan.FromSeconds(30)), default);

        Assert.Equal(3, result.ExitCode);
        Assert.False(result.Succeeded);
        Assert.Contains("no such service: backend", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(["compose", "up", "--scale", "backend=3; echo injected"], _docker.RecordedArguments());
        Assert.Equal(ScaleTargetErrorKind.NotFound, ComposeScaleTargetClient.Classify(result));
    }

    [Fact]
    public async Task A_command_that_outlives_its_timeout_is_killed()
    {
        _docker.Mode = "hang";

        var result = await new ProcessCommandRunner().RunAsync(
            new CommandRequest("docker", ["compose", "ps"], TimeSpan.FromMilliseconds(500)), default);

        Assert.True(result.TimedOut);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task A_program_that_does_not_exist_fails_to_start()
    {
        var result = await new ProcessCommandRunner().RunAsync(
            new CommandRequest(Path.Combine(_docker.Directory, "no-such-docker"), ["compose"], TimeSpan.FromSeconds(5)), default);

        Assert.True(result.FailedToStart);
        Assert.Equal(ScaleTargetErrorKind.Invalid, ComposeScaleTargetClient.Classify(result));
    }

    public void Dispose() => _docker.Dispose();
}
