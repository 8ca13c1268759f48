using Autoscaler.Adapters.Actuators.Compose;
using Autoscaler.Adapters.Tests.Actuators.Support;
using Autoscaler.Ports.Actuation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Autoscaler.Adapters.Tests.Actuators;

public sealed class ComposeScaleTargetClientTests
{
    private const string PsOutput =
        """
        {"Name":"shop-backend-1","Service":"backend","State":"running","Health":"healthy"}
        {"Name":"shop-backend-2","Service":"backend","State":"running","Health":"starting"}
        {"Name":"shop-backend-3","Service":"backend","State":"created","Health":""}
        """;

    private static readonly ScaleTargetRef Backend = ScaleTargetRef.Create("backend", ActuatorKind.Compose, new Dictionary<string, string>
    {
        ["file"] = "docker-compose.yml;docker-compose.autoscale.yml",
        ["project"] = "shop",
        ["service"] = "backend",
        ["workingDirectory"] = "/srv/shop",
    });

    [Fact]
    public async Task Scaling_runs_compose_up_with_scale_then_reads_ps()
    {
        var runner = new RecordingCommandRunner(request => request.Arguments.Contains("ps")
            ? new CommandResult(0, PsOutput, string.Empty)
            : new CommandResult(0, string.Empty, "Container shop-backend-3 Started"));
        var client = Client(runner);

        var result = await client.SetDesiredCapacityAsync(Backend, new DesiredCapacityRequest("decision-1", 3));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(new ObservedCapacity(3, 1, 2), result.Capacity);
        Assert.Collection(
            runner.Commands,
            up =>
            {
                Assert.Equal("docker", up.FileName);
                Assert.Equal(
                    ["compose", "-f", "docker-compose.yml", "-f", "docker-compose.autoscale.yml", "-p", "shop",
                     "up", "-d", "--no-recreate", "--scale", "backend=3", "backend"],
                    up.Arguments);
                Assert.Equal("/srv/shop", up.WorkingDirectory);
                Assert.Equal(TimeSpan.FromMinutes(2), up.Timeout);
            },
            ps => Assert.Equal(
                ["compose", "-f", "docker-compose.yml", "-f", "docker-compose.autoscale.yml", "-p", "shop",
                 "ps", "--all", "--format", "json", "backend"],
                ps.Arguments));
    }

    [Theory]
    [InlineData("--privileged")]
    [InlineData("backend; rm -rf /")]
    [InlineData("")]
    public async Task A_service_name_that_is_not_a_name_is_rejected_before_running_anything(string service)
    {
        var runner = new RecordingCommandRunner(_ => new CommandResult(0, string.Empty, string.Empty));
        var binding = ScaleTargetRef.Create("x", ActuatorKind.Compose,
            new Dictionary<string, string> { ["file"] = "compose.yml", ["project"] = "shop", ["service"] = service });

        var result = await Client(runner).SetDesiredCapacityAsync(binding, new DesiredCapacityRequest("d", 2));

        Assert.Equal(ScaleTargetErrorKind.Invalid, result.ErrorKind);
        Assert.Empty(runner.Commands);
    }

    [Theory]
    [InlineData(1, "no such service: backend", false, ScaleTargetErrorKind.NotFound)]
    [InlineData(14, "no configuration file provided: not found", false, ScaleTargetErrorKind.NotFound)]
    [InlineData(1, "permission denied while trying to connect to the Docker daemon socket", false, ScaleTargetErrorKind.Unauthorized)]
    [InlineData(1, "Cannot connect to the Docker daemon at unix:///var/run/docker.sock", false, ScaleTargetErrorKind.Transient)]
    [InlineData(1, "toomanyrequests: You have reached your pull rate limit", false, ScaleTargetErrorKind.Throttled)]
    [InlineData(-1, "", true, ScaleTargetErrorKind.Transient)]
    public async Task Failed_commands_map_to_error_kinds(int exitCode, string stderr, bool timedOut, ScaleTargetErrorKind expected)
    {
        var runner = new RecordingCommandRunner(_ => new CommandResult(exitCode, string.Empty, stderr, TimedOut: timedOut));

        var result = await Client(runner).SetDesiredCapacityAsync(Backend, new DesiredCapacityRequest("d", 2));

        Assert.Equal(expected, result.ErrorKind);
        Assert.Single(runner.Commands);
    }

    [Fact]
    public void Ps_output_as_a_json_array_from_older_compose_is_read_too()
    {
        const string Array =
            """[{"Service":"backend","State":"running","Health":""},{"Service":"backend","State":"exited","Health":""},{"Service":"db","State":"running"}]""";

        Assert.Equal(new ObservedCapacity(2, 1, 0), ComposePsParser.Parse(Array, "backend"));
        Assert.Equal(new ObservedCapacity(0, 0, 0), ComposePsParser.Parse(string.Empty, "backend"));
    }

    [Fact]
    public async Task Unreadable_ps_output_is_a_Transient_failure()
    {
        var runner = new RecordingCommandRunner(_ => new CommandResult(0, "NAME  STATUS\nshop-backend-1 Up", string.Empty));

        var result = await Client(runner).GetCapacityAsync(Backend);

        Assert.Equal(ScaleTargetErrorKind.Transient, result.ErrorKind);
    }

    private static ComposeScaleTargetClient Client(ICommandRunner runner) =>
        new(runner, Options.Create(new ComposeActuatorOptions()), new ScriptedHostCapacityReader(), NullLogger<ComposeScaleTargetClient>.Instance);
}
