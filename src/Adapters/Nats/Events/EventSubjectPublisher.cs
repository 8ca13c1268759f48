using Autoscaler.Adapters.Nats.Connection;
using Autoscaler.Adapters.Nats.Telemetry;

namespace Autoscaler.Adapters.Nats.Events;

/// <summary>
/// Publishes one kind of event as JSON on <c>{prefix}.{name}</c>, where the name (a target, an alarm) must be one subject
/// token. With NATS disabled by configuration (no connection) it drops events on purpose.
/// </summary>
/// <param name="host">The connection.</param>
/// <param name="prefix">The subject prefix.</param>
/// <param name="what">What the name is, for the error message (<c>Target id</c>, <c>Alarm name</c>).</param>
internal sealed class EventSubjectPublisher(NatsConnectionHost host, string prefix, string what)
{
    /// <summary>The subject of <paramref name="name"/>'s events.</summary>
    public string SubjectFor(string name) => $"{prefix}.{name}";

    /// <summary>Publishes <paramref name="json"/> on <paramref name="name"/>'s subject; refuses a name that is not a subject token.</summary>
    public async ValueTask PublishAsync(string name, Func<byte[]> json, CancellationToken cancellationToken)
    {
        if (!TelemetrySubject.IsValidTarget(name))
        {
            throw new ArgumentException($"{what} '{name}' cannot be a subject token.", "record");
        }

        if (host.Connection is { } connection)
        {
            await connection.PublishAsync(SubjectFor(name), json(), cancellationToken: cancellationToken);
        }
    }
}
