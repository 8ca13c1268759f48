using Autoscaler.Adapters.Nats;
using Autoscaler.Adapters.Nats.Connection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NATS.Client.Core;

namespace Autoscaler.Adapters.Tests.Nats;

/// <summary>Starts the product's connection host against a real server and checks messages flow through it.</summary>
internal static class NatsTestHosts
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public static NatsConnectionHost Create(NatsOptions options) =>
        new(Options.Create(options), NullLoggerFactory.Instance);

    public static async Task<NatsConnectionHost> StartAsync(NatsOptions options)
    {
        var host = Create(options);
        try
        {
            await host.StartAsync(CancellationToken.None);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Publishes one message on a fresh subject and returns what the subscription received.</summary>
    public static async Task<string> RoundTripAsync(INatsConnection connection, string payload)
    {
        var subject = $"test.roundtrip.{Guid.NewGuid():N}";
        await using var subscription = await connection.SubscribeCoreAsync<string>(subject);
        await connection.PingAsync();
        await connection.PublishAsync(subject, payload);
        var message = await subscription.Msgs.ReadAsync().AsTask().WaitAsync(Patience);
        return message.Data!;
    }
}
