using Autoscaler.Adapters.Nats;
using Autoscaler.Adapters.Nats.Connection;
using Autoscaler.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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

    [Fact]
    public async Task Closing_delivers_what_is_still_unsent()
    {
        const int messages = 100;
        var subject = $"test.close.{Guid.NewGuid():N}";
        await using var receiver = new NatsConnection(new NatsOpts { Url = TestEnvironment.NatsUrl, SubPendingChannelCapacity = messages * 2 });
        await using var subscription = await receiver.SubscribeCoreAsync<byte[]>(subject);
        await receiver.PingAsync();
        var host = await NatsTestHosts.StartAsync(new NatsOptions { Url = TestEnvironment.NatsUrl });
        var payload = new byte[64 * 1024];

        for (var i = 0; i < messages; i++)
        {
            await host.Connection!.PublishAsync(subject, payload);
        }

        await host.DisposeAsync();
        var received = 0;
        while (received < messages)
        {
            await subscription.Msgs.ReadAsync().AsTask().WaitAsync(NatsTestHosts.Patience);
            received++;
        }

        Assert.Equal(messages, received);
    }

    [Fact]
    public async Task Closing_when_the_server_stopped_reading_logs_the_loss_and_does_not_throw()
    {
        await using var server = await NatsServerProcess.StartAsync();
        var capture = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(capture));
        var options = new NatsOptions { Url = server.Url, CommandTimeout = TimeSpan.FromMilliseconds(500) };
        var host = new NatsConnectionHost(Options.Create(options), loggerFactory);
        await host.StartAsync(CancellationToken.None);
        var connection = host.Connection!;
        var subscription = await connection.SubscribeCoreAsync<byte[]>("test.stalled");
        await connection.PingAsync();
        await server.PauseAsync();
        var payload = new byte[512 * 1024];

        var stalled = false;
        for (var i = 0; i < 400 && !stalled; i++)
        {
            try
            {
                await connection.PublishAsync("test.stalled", payload);
            }
            catch (NatsTimeoutException)
            {
                stalled = true;
            }
        }

        var closing = await Record.ExceptionAsync(async () => await host.DisposeAsync());
        await server.ResumeAsync();

        Assert.True(stalled, "the outbound buffer never filled while the server was paused");
        Assert.Null(closing);
        Assert.Contains(capture.Lines, l => l.Contains("closed with unsent data", StringComparison.Ordinal));
        GC.KeepAlive(subscription);
    }
}
