using Autoscaler.Adapters.Actuators.Compose;
using Autoscaler.Adapters.Tests.Actuators.Support;
using Autoscaler.Ports.Actuation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Autoscaler.Adapters.Tests.Actuators;

/// <summary>The Compose host guard with a scripted host reading: only the replicas that fit are added.</summary>
public sealed class ComposeHostGuardTests : IDisposable
{
    private const string TwoRunning =
        """
        {"Name":"shop-backend-1","Service":"backend","State":"running","Health":"healthy"}
        {"Name":"shop-backend-2","Service":"backend","State":"running","Health":"healthy"}
        """;

    private readonly string _proc = Directory.CreateTempSubdirectory("autoscaler-proc-").FullName;

    public void Dispose() => Directory.Delete(_proc, recursive: true);

    [Fact]
    public async Task A_scale_out_adds_only_the_replicas_that_fit_above_the_memory_floor()
    {
        var runner = Docker(TwoRunning);
        var host = new ScriptedHostCapacityReader(new HostCapacityReading(1300, null));

        var result = await Client(runner, host, minAvailableMemoryMb: 512).SetDesiredCapacityAsync(
            Backend(("memoryPerReplicaMb", "256")), new DesiredCapacityRequest("d-1", 6));

        Assert.True(result.Succeeded, result.Message);
        // 1300 - 512 = 788 MiB of room, 256 each: 3 more, so 5 of the 6 asked.
        Assert.Equal(new HostCapacityLimit(6, 5, result.HostLimit!.Explanation), result.HostLimit);
        Assert.Contains("room for 3 of 4 more replica(s)", result.HostLimit.Explanation, StringComparison.Ordinal);
        Assert.Contains("1300 MiB memory available, 512 MiB kept free, 256 MiB per replica", result.HostLimit.Explanation, StringComparison.Ordinal);
        Assert.Contains("backend=5", runner.Commands[1].Arguments);
        Assert.Equal(1, host.Reads);
    }

    [Fact]
    public async Task A_full_host_gets_no_new_replica_and_no_compose_up()
    {
        var runner = Docker(TwoRunning);

        var result = await Client(runner, new ScriptedHostCapacityReader(new HostCapacityReading(400, null)), minAvailableMemoryMb: 512)
            .SetDesiredCapacityAsync(Backend(), new DesiredCapacityRequest("d-2", 4));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(2, result.HostLimit!.Granted);
        Assert.Equal(2, result.Capacity!.Desired);
        Assert.DoesNotContain(runner.Commands, c => c.Arguments.Contains("up"));
    }

    [Fact]
    public async Task A_host_with_room_scales_as_asked_without_a_limit()
    {
        var runner = Docker(TwoRunning);

        var result = await Client(runner, new ScriptedHostCapacityReader(new HostCapacityReading(8000, 3.5)), minAvailableMemoryMb: 512)
            .SetDesiredCapacityAsync(Backend(("memoryPerReplicaMb", "256"), ("cpusPerReplica", "0.5")), new DesiredCapacityRequest("d-3", 6));

        Assert.True(result.Succeeded, result.Message);
        Assert.Null(result.HostLimit);
        Assert.Contains("backend=6", runner.Commands[1].Arguments);
    }

    [Fact]
    public async Task Idle_CPUs_limit_too_when_the_binding_reserves_CPU()
    {
        var runner = Docker(TwoRunning);

        var result = await Client(runner, new ScriptedHostCapacityReader(new HostCapacityReading(8000, 1.2)))
            .SetDesiredCapacityAsync(Backend(("cpusPerReplica", "0.5")), new DesiredCapacityRequest("d-4", 6));

        Assert.Equal(4, result.HostLimit!.Granted);
        Assert.Contains("1.2 CPUs idle, 0 kept idle, 0.5 per replica", result.HostLimit.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scale_in_never_reads_the_host()
    {
        var runner = Docker(TwoRunning);
        var host = new ScriptedHostCapacityReader(new HostCapacityReading(0, 0));

        var result = await Client(runner, host, minAvailableMemoryMb: 512).SetDesiredCapacityAsync(Backend(), new DesiredCapacityRequest("d-5", 1));

        Assert.True(result.Succeeded, result.Message);
        Assert.Null(result.HostLimit);
        Assert.Equal(0, host.Reads);
    }

    [Fact]
    public async Task Without_any_guard_setting_nothing_extra_is_read()
    {
        var runner = Docker(TwoRunning);
        var host = new ScriptedHostCapacityReader();

        var result = await Client(runner, host).SetDesiredCapacityAsync(Backend(), new DesiredCapacityRequest("d-6", 9));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(0, host.Reads);
        Assert.Equal(2, runner.Commands.Count); // up, then ps: no ps before
    }

    [Fact]
    public async Task An_unreadable_host_stops_the_scale_out_as_a_transient_failure()
    {
        var runner = Docker(TwoRunning);
        var host = new ScriptedHostCapacityReader { Failure = new IOException("no /proc/meminfo") };

        var result = await Client(runner, host, minAvailableMemoryMb: 512).SetDesiredCapacityAsync(Backend(), new DesiredCapacityRequest("d-7", 4));

        Assert.Equal(ScaleTargetErrorKind.Transient, result.ErrorKind);
        Assert.Contains("no /proc/meminfo", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(runner.Commands, c => c.Arguments.Contains("up"));
    }

    [Theory]
    [InlineData("memoryPerReplicaMb", "-1")]
    [InlineData("cpusPerReplica", "lots")]
    [InlineData("minAvailableMemoryMb", "NaN")]
    public async Task A_bad_guard_setting_is_Invalid_and_named(string key, string value)
    {
        var runner = Docker(TwoRunning);

        var result = await Client(runner, new ScriptedHostCapacityReader()).SetDesiredCapacityAsync(Backend((key, value)), new DesiredCapacityRequest("d-8", 3));

        Assert.Equal(ScaleTargetErrorKind.Invalid, result.ErrorKind);
        Assert.Contains($"'{key}'", result.Message, StringComparison.Ordinal);
        Assert.Empty(runner.Commands);
    }

    [Fact]
    public async Task The_proc_reader_reads_MemAvailable_in_MiB_and_idle_CPUs_from_the_load_average()
    {
        await File.WriteAllTextAsync(Path.Combine(_proc, "meminfo"), "MemTotal:       16318480 kB\nMemFree:         1048576 kB\nMemAvailable:    2097152 kB\n");
        await File.WriteAllTextAsync(Path.Combine(_proc, "loadavg"), "0.50 0.40 0.30 1/123 4567\n");

        var reading = await new ProcHostCapacityReader(Path.Combine(_proc, "meminfo"), Path.Combine(_proc, "loadavg")).ReadAsync(CancellationToken.None);

        Assert.Equal(2048, reading.AvailableMemoryMb);
        Assert.Equal(Math.Max(0, Environment.ProcessorCount - 0.5), reading.IdleCpus);
    }

    [Fact]
    public async Task The_proc_reader_refuses_a_meminfo_without_MemAvailable()
    {
        await File.WriteAllTextAsync(Path.Combine(_proc, "meminfo"), "MemTotal: 1 kB\n");

        await Assert.ThrowsAsync<IOException>(() => new ProcHostCapacityReader(Path.Combine(_proc, "meminfo"), Path.Combine(_proc, "none")).ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_proc_reader_reads_this_machines_proc()
    {
        var reading = await new ProcHostCapacityReader().ReadAsync(CancellationToken.None);

        Assert.InRange(reading.AvailableMemoryMb, 1, 64 * 1024 * 1024);
        Assert.NotNull(reading.IdleCpus);
    }

    private static RecordingCommandRunner Docker(string ps) => new(request => request.Arguments.Contains("ps")
        ? new CommandResult(0, ps, string.Empty)
        : new CommandResult(0, string.Empty, string.Empty));

    private static ComposeScaleTargetClient Client(RecordingCommandRunner runner, ScriptedHostCapacityReader host, double minAvailableMemoryMb = 0) => new(
        runner, Options.Create(new ComposeActuatorOptions { MinAvailableMemoryMb = minAvailableMemoryMb }), host, NullLogger<ComposeScaleTargetClient>.Instance);

    private static ScaleTargetRef Backend(params (string Key, string Value)[] extra) => ScaleTargetRef.Create(
        "backend",
        ActuatorKind.Compose,
        new Dictionary<string, string>(extra.Select(e => KeyValuePair.Create(e.Key, e.Value)))
        {
            ["file"] = "docker-compose.yml", ["project"] = "shop", ["service"] = "backend",
        });
}
