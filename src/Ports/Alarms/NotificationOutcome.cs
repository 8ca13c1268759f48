namespace Autoscaler.Ports.Alarms;

/// <summary>What became of a notification at one destination.</summary>
/// <param name="Destination">Where it went (<c>channel ops</c>, <c>https://...</c>, <c>nats alerts.critical</c>).</param>
/// <param name="Succeeded">Delivered (2xx, or published).</param>
/// <param name="Message">Why not, when it failed.</param>
public sealed record NotificationOutcome(string Destination, bool Succeeded, string? Message = null);
