using Autoscaler.Ports.Actuation;

namespace Autoscaler.Adapters.Actuators.Webhook;

/// <summary>One HTTP attempt's outcome, classified for the retry policy.</summary>
internal sealed record WebhookAttempt(bool Succeeded, string Body, ScaleTargetErrorKind? ErrorKind, string? Message)
{
    public bool Retryable => ErrorKind is ScaleTargetErrorKind.Throttled or ScaleTargetErrorKind.Transient;
}
