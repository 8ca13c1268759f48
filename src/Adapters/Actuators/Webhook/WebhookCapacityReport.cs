namespace Autoscaler.Adapters.Actuators.Webhook;

/// <summary>
/// What a webhook may answer (to the scale POST, or to a GET of the binding's <c>statusUrl</c>):
/// <c>{"desired": 5, "running": 3, "pending": 2}</c>; every field optional.
/// </summary>
public sealed record WebhookCapacityReport(int? Desired, int? Running, int? Pending);
