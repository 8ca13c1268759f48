namespace Autoscaler.Alarms.Actions;

/// <summary>
/// Escalation: an alarm still in ALARM <see cref="AfterMinutes"/> after it went there notifies the next severity's
/// destinations (info → warning → critical), and again after each further <see cref="AfterMinutes"/>, up to critical.
/// Each level is notified once per ALARM episode.
/// </summary>
/// <param name="AfterMinutes">Minutes in ALARM per escalation step.</param>
public sealed record EscalationPolicy(int AfterMinutes);
