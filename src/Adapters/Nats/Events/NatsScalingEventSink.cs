using Autoscaler.Adapters.Nats.Connection;
using Autoscaler.Adapters.Nats.Telemetry;
using Autoscaler.Ports.Decisions;
using Autoscaler.Ports.Events;
using Microsoft.Extensions.Options;

namespace Autoscaler.Adapters.Nats.Events;

/// <summary>
/// Publishes scaling events as JSON on <c>autoscaler.events.{target}</c>. With NATS disabled by configuration it drops
/// events on purpose (other sinks, such as the SSE stream, still see them).
/// </summary>
public sealed class NatsScalingEventSink(NatsConnectionHost host, IOptions<NatsScalingEventOptions> options) : IScalingEventSink
{
    private readonly string _prefix = options.Value.SubjectPrefix;

    /// <summary>The subject an event for <paramref name="target"/> is published on.</summary>
    public string SubjectFor(string target) => $"{_prefix}.{target}";

    /// <inheritdoc />
    public async ValueTask PublishAsync(DecisionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!TelemetrySubject.IsValidTarget(record.Target))
        {
            throw new ArgumentException($"Target id '{record.Target}' cannot be a subject token.", nameof(record));
        }

        if (host.Connection is not { } connection)
        {
            return;
        }

        await connection.PublishAsync(SubjectFor(record.Target), DecisionEventJson.Serialize(record), cancellationToken: cancellationToken);
    }
}
