namespace Autoscaler.Ports.Alarms;

/// <summary>
/// One notification to deliver. Exactly one destination: <see cref="Channel"/> (configured on the silo),
/// <see cref="Url"/> (an incoming webhook in <see cref="Format"/>), <see cref="Subject"/> (NATS), or none of them: every
/// configured channel that takes <see cref="AlarmRecord.Severity"/>.
/// </summary>
/// <param name="Record">The transition (or escalation) being announced.</param>
/// <param name="Description">The alarm's description, for the message body.</param>
/// <param name="Channel">A configured channel's name.</param>
/// <param name="Url">A webhook URL.</param>
/// <param name="Format"><c>signed</c>, <c>slack</c> or <c>teams</c>.</param>
/// <param name="Subject">A NATS subject.</param>
public sealed record NotificationRequest(AlarmRecord Record, string? Description, string? Channel, string? Url, string Format, string? Subject);
