using System.Net;
using System.Net.Sockets;
using Autoscaler.Deploy.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Autoscaler.Deploy.Tests;

/// <summary>The image's entry point and health check scripts, run for real (sh and bash as in the image) with a fake
/// <c>hostname</c> and a local HTTP server.</summary>
public sealed class ContainerScriptTests : IAsyncLifetime
{
    private const string Entrypoint = "deploy/docker/entrypoint.sh";
    private const string Healthcheck = "deploy/docker/healthcheck.sh";

    private readonly string _fakeBin = Directory.CreateTempSubdirectory("autoscaler-deploy-tests-").FullName;
    private WebApplication _server = null!;
    private int _port;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--urls", "http://127.0.0.1:0"] });
        builder.Logging.ClearProviders();
        _server = builder.Build();
        _server.MapGet(HealthRoutes.Live, () => Results.Ok(new { status = "Healthy" }));
        _server.MapGet(HealthRoutes.Ready, () => Results.Json(new { status = "Unhealthy" }, statusCode: 503));
        await _server.StartAsync();
        _port = new Uri(_server.Urls.Single()).Port;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_fakeBin, recursive: true);
    }

    [Fact]
    public async Task Entrypoint_advertises_the_first_IPv4_address_that_is_not_loopback_or_link_local()
    {
        var result = await RunEntrypointAsync("169.254.172.2 127.0.0.1 fd00::5 10.0.1.23 10.0.2.5", advertised: null);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Silo__AdvertisedAddress=10.0.1.23", Lines(result.StandardOutput));
    }

    [Fact]
    public async Task Entrypoint_keeps_an_address_that_is_already_set()
    {
        var result = await RunEntrypointAsync("10.0.1.23", advertised: "10.9.9.9");

        Assert.Contains("Silo__AdvertisedAddress=10.9.9.9", Lines(result.StandardOutput));
        Assert.DoesNotContain("Silo__AdvertisedAddress=10.0.1.23", Lines(result.StandardOutput));
    }

    [Fact]
    public async Task Entrypoint_without_a_routable_address_says_so_and_still_starts_the_silo()
    {
        var result = await RunEntrypointAsync("127.0.0.1 169.254.172.2 fd00::5", advertised: null);

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain(Lines(result.StandardOutput), l => l.StartsWith("Silo__AdvertisedAddress=", StringComparison.Ordinal));
        Assert.Contains("set Silo__AdvertisedAddress", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entrypoint_execs_the_command_so_it_gets_the_container_signals_and_exit_code()
    {
        WriteFakeHostname("10.0.1.23");

        // `$$` of the command is the entry point's own process id only if the entry point replaced itself (exec): then
        // the silo is PID 1 in the container and receives the orchestrator's SIGTERM for a graceful leave.
        var result = await Script.RunAsync("sh", Entrypoint, ["sh", "-c", "echo \"$$ $0 $1\"; exit 7", "one", "two"], PathWithFakes());

        Assert.Equal(7, result.ExitCode);
        Assert.Equal($"{result.ProcessId} one two", result.StandardOutput.Trim());
    }

    [Fact]
    public async Task Healthcheck_passes_on_200_from_the_port_in_Urls()
    {
        var result = await Script.RunAsync("bash", Healthcheck, [HealthRoutes.Live], Urls($"http://+:{_port}"));

        Assert.True(result.ExitCode == 0, result.StandardError);
    }

    [Fact]
    public async Task Healthcheck_defaults_to_the_liveness_route()
    {
        var result = await Script.RunAsync("bash", Healthcheck, [], Urls($"http://+:{_port}/;http://+:1"));

        Assert.True(result.ExitCode == 0, result.StandardError);
    }

    [Fact]
    public async Task Healthcheck_fails_on_a_non_200_answer_and_names_it()
    {
        var result = await Script.RunAsync("bash", Healthcheck, [HealthRoutes.Ready], Urls($"http://+:{_port}"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("503", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthcheck_fails_when_nothing_listens()
    {
        var result = await Script.RunAsync("bash", Healthcheck, [HealthRoutes.Live, ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        Assert.NotEqual(0, result.ExitCode);
    }

    private async Task<ScriptResult> RunEntrypointAsync(string addresses, string? advertised)
    {
        WriteFakeHostname(addresses);
        var environment = PathWithFakes();
        environment["Silo__AdvertisedAddress"] = advertised;
        return await Script.RunAsync("sh", Entrypoint, ["env"], environment);
    }

    // The image's `hostname -I` prints the container's addresses; this one prints what the test says.
    private void WriteFakeHostname(string addresses)
    {
        var path = Path.Combine(_fakeBin, "hostname");
        File.WriteAllText(path, $"#!/bin/sh\n[ \"$1\" = \"-I\" ] || exit 64\necho '{addresses} '\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private Dictionary<string, string?> PathWithFakes() =>
        new() { ["PATH"] = _fakeBin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH") };

    private static Dictionary<string, string?> Urls(string urls) => new() { ["Urls"] = urls };

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port; // closed again when disposed
    }
}
