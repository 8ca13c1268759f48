using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace Autoscaler.Adapters.Nats.Telemetry.JetStream;

/// <summary>Creates or updates the telemetry stream and its shared durable pull consumer from the options.</summary>
internal static class JetStreamTopology
{
    public static async Task<INatsJSConsumer> EnsureAsync(
        INatsJSContext context, JetStreamTelemetryOptions options, string prefix, CancellationToken cancellationToken)
    {
        var stream = new StreamConfig(options.Stream, [$"{prefix}.>"])
        {
            MaxAge = options.MaxAge,
            MaxBytes = options.MaxBytes,
            Discard = options.Discard == JetStreamDiscard.Old ? StreamConfigDiscard.Old : StreamConfigDiscard.New,
            Storage = options.Storage == JetStreamStorage.File ? StreamConfigStorage.File : StreamConfigStorage.Memory,
            NumReplicas = options.Replicas,
            Retention = StreamConfigRetention.Limits,
        };
        await context.CreateOrUpdateStreamAsync(stream, cancellationToken);
        var consumer = new ConsumerConfig(options.Consumer)
        {
            AckPolicy = ConsumerConfigAckPolicy.Explicit,
            AckWait = options.AckWait,
            MaxAckPending = options.MaxAckPending,
            MaxDeliver = options.MaxDeliver,
            FilterSubject = $"{prefix}.>",
            DeliverPolicy = ConsumerConfigDeliverPolicy.All,
            NumReplicas = options.Replicas,
        };
        return await context.CreateOrUpdateConsumerAsync(options.Stream, consumer, cancellationToken);
    }
}
