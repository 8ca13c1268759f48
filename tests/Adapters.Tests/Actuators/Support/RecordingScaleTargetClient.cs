using Autoscaler.Ports.Actuation;

namespace Autoscaler.Adapters.Tests.Actuators.Support;

/// <summary>An actuator that only counts the calls it gets (and answers success).</summary>
internal sealed class RecordingScaleTargetClient : IScaleTargetClient
{
    private int _calls;

    /// <summary>Calls made.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <inheritdoc />
    public ActuatorKind Kind => ActuatorKind.Simulated;

    /// <inheritdoc />
    public Task<ScaleTargetResult> GetCapacityAsync(ScaleTargetRef binding, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult(ScaleTargetResult.Success(new ObservedCapacity(1, 1, 0), 1));
    }

    /// <inheritdoc />
    public Task<ScaleTargetResult> SetDesiredCapacityAsync(
        ScaleTargetRef binding, DesiredCapacityRequest request, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult(ScaleTargetResult.Success(new ObservedCapacity(request.DesiredCapacity, null, null), 1));
    }
}
