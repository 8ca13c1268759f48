namespace Autoscaler.Adapters.Actuators.Webhook;

/// <summary>
/// Webhook actuator settings, bound from <c>Actuators:Webhook</c> (environment: <c>Actuators__Webhook__Secret</c>, ...).
/// Retries (<c>MaxAttempts</c> HTTP attempts per call, default 4; <c>BaseRetryDelay</c>, 200 ms; <c>MaxRetryDelay</c>,
/// 5 s) repeat 429, 5xx, timeouts and connection failures.
/// </summary>
public sealed class WebhookActuatorOptions() : SignedWebhookOptions(4, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5))
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Actuators:Webhook";
}
