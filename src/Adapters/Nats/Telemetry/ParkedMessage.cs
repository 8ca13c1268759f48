namespace Autoscaler.Adapters.Nats.Telemetry;

/// <summary>A message held by <see cref="ParkedMessages"/>: its place in arrival order, subject, kind, target and a copy of its payload.</summary>
internal sealed record ParkedMessage(long Sequence, string Subject, TelemetrySubjectKind Kind, string Target, byte[] Payload);
