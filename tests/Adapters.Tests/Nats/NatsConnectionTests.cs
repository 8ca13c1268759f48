using Autoscaler.Adapters.Nats;
using Autoscaler.Adapters.Nats.Connection;
using Autoscaler.Testing;
using NATS.Client.Core;

namespace Autoscaler.Adapters.Tests.Nats;

public sealed class NatsConnectionTests
{
    [Fact]
    public async Task Publish_subscribe_round_trip_on_the_shared_server()
    {
        await using var host = await NatsTestHosts.StartAsync(new NatsOptions { Url = TestEnvironment.NatsUrl });

        Assert.Equal(NatsConnectionStatus.Connected, host.Status);
        Assert.Equal("hello", await NatsTestHosts.RoundTripAsync(host.Connection!, "hello"));
    }

    [Fact]
    public async Task Empty_url_means_disabled_and_ready()
    {
        await using var host = await NatsTestHosts.StartAsync(new NatsOptions());
        var health = await new NatsHealthCheck(host).CheckHealthAsync(new());

        Assert.False(host.Enabled);
        Assert.Null(host.Connection);
        Assert.Equal(NatsConnectionStatus.Disabled, host.Status);
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, health.Status);
    }

    [Fact]
    public async Task Unreachable_server_fails_start_with_a_connection_error()
    {
        await using var server = await NatsServerProcess.StartAsync();
        var url = server.Url;
        await server.StopAsync();
        await using var host = NatsTestHosts.Create(new NatsOptions { Url = url, ConnectTimeout = TimeSpan.FromSeconds(1) });

        var error = await Assert.ThrowsAsync<NatsStartupException>(() => host.StartAsync(CancellationToken.None));

        Assert.False(error.IsAuthenticationFailure);
        Assert.Contains("unreachable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconnects_after_a_server_restart_and_the_subscription_resumes()
    {
        await using var server = await NatsServerProcess.StartAsync();
        await using var host = await NatsTestHosts.StartAsync(new NatsOptions { Url = server.Url });
        var connection = (NatsConnection)host.Connection!;
        var disconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reopened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.ConnectionDisconnected += (_, _) => { disconnected.TrySetResult(); return ValueTask.CompletedTask; };
        connection.ConnectionOpened += (_, _) => { reopened.TrySetResult(); return ValueTask.CompletedTask; };
        await using var subscription = await connection.SubscribeCoreAsync<string>("test.reconnect");
        await connection.PingAsync();

        await server.StopAsync();
        await disconnected.Task.WaitAsync(NatsTestHosts.Patience);
        var statusDuringOutage = host.Status;
        var health = await new NatsHealthCheck(host).CheckHealthAsync(new());
        await server.StartAsync();
        await reopened.Task.WaitAsync(NatsTestHosts.Patience);
        await connection.PingAsync();
        await connection.PublishAsync("test.reconnect", "after-restart");
        var message = await subscription.Msgs.ReadAsync().AsTask().WaitAsync(NatsTestHosts.Patience);

        Assert.NotEqual(NatsConnectionStatus.Connected, statusDuringOutage);
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, health.Status);
        Assert.Equal("after-restart", message.Data);
        Assert.Equal(NatsConnectionStatus.Connected, host.Status);
    }
}
