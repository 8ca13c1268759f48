namespace Autoscaler.Adapters.Actuators.Webhook;

/// <summary>The JSON body POSTed to a webhook (camelCase): which target, how many instances, which decision, when.</summary>
public sealed record WebhookScaleRequest(string DecisionId, string TargetId, int DesiredCapacity, DateTimeOffset SentAt);
