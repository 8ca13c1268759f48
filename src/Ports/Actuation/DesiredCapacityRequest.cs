namespace Autoscaler.Ports.Actuation;

/// <summary>
/// Ask a target to run <see cref="DesiredCapacity"/> instances. <see cref="DecisionId"/> identifies the scaling decision:
/// clients pass it on as an idempotency key where the target supports one and log it, so a retried decision is applied once.
/// </summary>
public sealed record DesiredCapacityRequest(string DecisionId, int DesiredCapacity);
