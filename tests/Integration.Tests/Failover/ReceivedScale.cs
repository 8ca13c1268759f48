namespace Autoscaler.Integration.Tests.Failover;

/// <summary>One scale call a <see cref="WebhookReceiver"/> got: which decision, what capacity, when it arrived.</summary>
internal sealed record ReceivedScale(string DecisionId, int Desired, DateTimeOffset ArrivedAt);
