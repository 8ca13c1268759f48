namespace Autoscaler.Ports.Actuation;

/// <summary>
/// Forces a new deployment of a target's workload without changing its capacity: ECS <c>UpdateService</c> with
/// <c>forceNewDeployment</c>, a Kubernetes rollout restart, <c>docker compose restart</c>. Implemented by the
/// <see cref="IScaleTargetClient"/>s whose systems can; like them it never throws for failures of the target system.
/// </summary>
public interface IRestartTarget
{
    /// <summary>Restarts <paramref name="binding"/>'s workload; <paramref name="requestId"/> is logged and used as an
    /// idempotency key where the system takes one.</summary>
    public Task<ScaleTargetResult> RestartAsync(ScaleTargetRef binding, string requestId, CancellationToken cancellationToken = default);
}
