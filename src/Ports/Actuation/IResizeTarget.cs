namespace Autoscaler.Ports.Actuation;

/// <summary>
/// Changes what each replica of a target runs as (vCPU and memory): ECS registers a task-definition revision and moves
/// the service to it, Kubernetes patches the workload's container resources, a webhook receives a signed request.
/// Implemented by the <see cref="IScaleTargetClient"/>s whose systems can (Compose implements it only to refuse, saying
/// why); like them it never throws for failures of the target system, only for cancellation.
/// </summary>
public interface IResizeTarget
{
    /// <summary>Runs <paramref name="binding"/>'s replicas at <paramref name="request"/>'s size; the request id is logged
    /// and used as an idempotency key where the system takes one.</summary>
    public Task<ResizeResult> ResizeAsync(ScaleTargetRef binding, ResizeRequest request, CancellationToken cancellationToken = default);
}
