using Autoscaler.Adapters.Nats;
using Autoscaler.Adapters.Nats.Connection;
using Autoscaler.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NATS.NKeys;

namespace Autoscaler.Adapters.Tests.Nats;

public sealed class NatsSecretLoggingTests
{
    [Fact]
    public async Task Trace_logs_of_a_successful_and_a_rejected_connection_contain_no_secret()
    {
        using var user = KeyPair.CreatePair(PrefixByte.User);
        await using var server = await NatsServerProcess.StartAsync(
            $"authorization {{ users = [ {{ user: \"scaler\", password: \"pw-s3cr3t-ok\" }}, {{ nkey: \"{user.GetPublicKey()}\" }} ] }}");
        var capture = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(capture));

        await using (var ok = new NatsConnectionHost(Options.Create(new NatsOptions { Url = server.Url, User = "scaler", Password = "pw-s3cr3t-ok" }), loggerFactory))
        {
            await ok.StartAsync(CancellationToken.None);
            await NatsTestHosts.RoundTripAsync(ok.Connection!, "x");
        }

        await using (var nkey = new NatsConnectionHost(Options.Create(new NatsOptions { Url = server.Url, NKeySeed = user.GetSeed() }), loggerFactory))
        {
            await nkey.StartAsync(CancellationToken.None);
        }

        await using (var wrong = new NatsConnectionHost(Options.Create(new NatsOptions { Url = server.Url, User = "scaler", Password = "pw-s3cr3t-bad" }), loggerFactory))
        {
            await Assert.ThrowsAsync<NatsStartupException>(() => wrong.StartAsync(CancellationToken.None));
        }

        var log = string.Join("\n", capture.Lines);
        Assert.Contains("Connected to NATS", log, StringComparison.Ordinal);
        Assert.Contains(" NATS.Client.Core.", log, StringComparison.Ordinal); // the client's own trace output was captured too
        Assert.DoesNotContain("pw-s3cr3t", log, StringComparison.Ordinal);
        Assert.DoesNotContain(user.GetSeed(), log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_on_initial_connect_does_not_block_start_up_and_connects_when_the_server_appears()
    {
        await using var server = await NatsServerProcess.StartAsync();
        await server.StopAsync();
        await using var host = NatsTestHosts.Create(new NatsOptions { Url = server.Url, RetryOnInitialConnect = true });
        var opened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ((NATS.Client.Core.NatsConnection)host.Connection!).ConnectionOpened += (_, _) => { opened.TrySetResult(); return ValueTask.CompletedTask; };

        await host.StartAsync(CancellationToken.None);
        var statusBeforeServer = host.Status;
        await server.StartAsync();
        await opened.Task.WaitAsync(NatsTestHosts.Patience);

        Assert.NotEqual(NatsConnectionStatus.Connected, statusBeforeServer);
        Assert.Equal("late", await NatsTestHosts.RoundTripAsync(host.Connection!, "late"));
    }
}
