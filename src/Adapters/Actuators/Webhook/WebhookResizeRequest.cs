namespace Autoscaler.Adapters.Actuators.Webhook;

/// <summary>
/// The JSON body POSTed to a webhook target's <c>resizeUrl</c> (camelCase): <c>action</c> is always <c>resize</c>, then
/// which target, the new size of each replica, the request id (also the idempotency key header) and when it was sent.
/// </summary>
public sealed record WebhookResizeRequest(string RequestId, string TargetId, double Vcpu, double MemoryGiB, DateTimeOffset SentAt)
{
    /// <summary>Tells a receiver sharing one endpoint for both kinds of request what this one is.</summary>
    public string Action => "resize";
}
