using Autoscaler.Ports.Actuation;

namespace Autoscaler.Adapters.Actuators.Simulated;

/// <summary>The <c>simulated</c> actuator: drives the <see cref="SimulatedService"/> of each target in a registry.</summary>
public sealed class SimulatedScaleTargetClient(SimulatedServiceRegistry registry) : IScaleTargetClient, IRestartTarget, IResizeTarget
{
    /// <inheritdoc />
    public ActuatorKind Kind => ActuatorKind.Simulated;

    /// <inheritdoc />
    public Task<ScaleTargetResult> GetCapacityAsync(ScaleTargetRef binding, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(registry.GetOrCreate(binding).Read());
    }

    /// <inheritdoc />
    public Task<ScaleTargetResult> SetDesiredCapacityAsync(
        ScaleTargetRef binding,
        DesiredCapacityRequest request,
        CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(registry.GetOrCreate(binding).Apply(request));
    }

    /// <inheritdoc />
    public Task<ScaleTargetResult> RestartAsync(ScaleTargetRef binding, string requestId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(registry.GetOrCreate(binding).Restart(requestId));
    }

    /// <inheritdoc />
    public Task<ResizeResult> ResizeAsync(ScaleTargetRef binding, ResizeRequest request, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(registry.GetOrCreate(binding).ChangeSize(request));
    }
}
