namespace Autoscaler.Adapters.Actuators.Webhook;

/// <summary>What a receiver may answer to a resize (optional): its name for what now runs.</summary>
public sealed record WebhookResizeAnswer(string? Revision);
