using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Autoscaler.Deploy.Tests.Support;
using Autoscaler.Testing;
using NATS.Client.Core;

namespace Autoscaler.Deploy.Tests;

/// <summary>
/// The stack's three NATS start commands run as their containers run them (<c>sh -c</c>, the token from the
/// environment), on real nats-server processes on loopback: the flags are valid, the servers form a full mesh,
/// messages cross it, a client without the token is refused; with JetStream the servers report healthy JetStream.
/// </summary>
public sealed class NatsClusterCommandTests : IAsyncLifetime
{
    private const string Token = "deploy-test-token-0123456789";

    private readonly CloudFormationTemplate _stack = CloudFormationTemplate.LoadStack();
    private readonly string _directory = Directory.CreateTempSubdirectory("autoscaler-stack-nats-").FullName;
    private readonly List<Process> _servers = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        foreach (var server in _servers)
        {
            if (!server.HasExited)
            {
                server.Kill();
                server.WaitForExit();
            }

            server.Dispose();
        }

        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_three_servers_form_one_authenticated_cluster(bool jetStream)
    {
        var numbers = EcsStackFiles.NatsServers(_stack);
        var ports = numbers.Select(_ => new NatsPorts(FreePorts.Next(), FreePorts.Next(), FreePorts.Next())).ToList();
        foreach (var number in numbers)
        {
            var store = jetStream ? Path.Combine(_directory, $"nats-{number}") : null;
            Start(StackNatsCommand.Render(_stack, number, ports, store));
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        foreach (var server in ports)
        {
            await UntilAsync(async () => await RoutesAsync(http, server) == numbers.Count - 1, $"server on {server.Client} has {numbers.Count - 1} routes");
            await UntilAsync(async () => (await http.GetAsync($"http://127.0.0.1:{server.Http}/healthz")).StatusCode == HttpStatusCode.OK, $"server on {server.Client} is healthy");
        }

        await using var subscriber = Connect(ports[0], Token);
        await using var publisher = Connect(ports[^1], Token);
        await subscriber.ConnectAsync();
        await publisher.ConnectAsync();
        await using var subscription = await subscriber.SubscribeCoreAsync<string>("deploy.stack");
        await subscriber.PingAsync();
        await UntilAsync(async () =>
        {
            await publisher.PublishAsync("deploy.stack", "across");
            using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            try
            {
                return (await subscription.Msgs.ReadAsync(wait.Token)).Data == "across";
            }
            catch (OperationCanceledException)
            {
                return false; // the subscription's interest has not reached the publisher's server yet
            }
        }, "a message published on the last server reaches a subscriber on the first");

        await using var stranger = Connect(ports[1], "wrong-token");
        await Assert.ThrowsAnyAsync<NatsException>(async () => await stranger.ConnectAsync());
    }

    private static NatsConnection Connect(NatsPorts server, string token) =>
        new(new NatsOpts { Url = $"nats://127.0.0.1:{server.Client}", AuthOpts = new NatsAuthOpts { Token = token }, MaxReconnectRetry = 0, ConnectTimeout = TimeSpan.FromSeconds(2) });

    private static async Task<int> RoutesAsync(HttpClient http, NatsPorts server)
    {
        try
        {
            using var routes = JsonDocument.Parse(await http.GetStringAsync($"http://127.0.0.1:{server.Http}/routez"));
            return routes.RootElement.GetProperty("num_routes").GetInt32();
        }
        catch (HttpRequestException)
        {
            return -1; // not listening yet
        }
    }

    // Real servers take a moment to start and mesh: poll, bounded to 30 s.
    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting until {what}");
            await Task.Delay(100);
        }
    }

    private void Start(string command)
    {
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        start.Environment["NATS_TOKEN"] = Token;
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _servers.Add(process);
    }
}
