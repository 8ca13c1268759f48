using Autoscaler.Grains.Interfaces;
using Autoscaler.Ports.Actuation;

namespace Autoscaler.Grains.Services.Actuation;

/// <summary>
/// A target's way to its actuator: resolves the registered binding once per definition (not on every actuation), bounds
/// every call by <see cref="Timeout"/>, and turns whatever a client throws into a transient failure result, so the
/// decision protocol only ever sees results.
/// </summary>
internal sealed class ActuatorGateway(string targetId, IScaleTargetClientFactory actuators)
{
    /// <summary>The longest an actuation or a read-back may take.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private ActuatorBinding? _resolvedFor;
    private ScaleTargetRef? _resolved;

    /// <summary>Applies <paramref name="capacity"/> as decision <paramref name="decisionId"/>.</summary>
    public async Task<ScaleTargetResult> ApplyAsync(TargetDefinition definition, string decisionId, int capacity)
    {
        try
        {
            var target = Resolve(definition);
            using var timeout = new CancellationTokenSource(Timeout);
            return await actuators.GetClient(target).SetDesiredCapacityAsync(target, new DesiredCapacityRequest(decisionId, capacity), timeout.Token);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            return ScaleTargetResult.Failure(ScaleTargetErrorKind.Transient, $"{error.GetType().Name}: {error.Message}");
        }
    }

    /// <summary>Asks the actuator what capacity the target has; a throwing client reads as a transient failure.</summary>
    public async Task<ScaleTargetResult> ReadAsync(TargetDefinition definition, CancellationToken cancellationToken)
    {
        try
        {
            var target = Resolve(definition);
            return await actuators.GetClient(target).GetCapacityAsync(target, cancellationToken);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            return ScaleTargetResult.Failure(ScaleTargetErrorKind.Transient, error.Message);
        }
    }

    /// <summary>Reads the capacity back within <see cref="Timeout"/>: the desired capacity the actuator reports, or null.</summary>
    public async Task<int?> ReadBackAsync(TargetDefinition definition)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var observed = await ReadAsync(definition, timeout.Token);
        return observed is { Succeeded: true, Capacity: { } capacity } ? capacity.Desired : null;
    }

    private ScaleTargetRef Resolve(TargetDefinition definition)
    {
        var binding = definition.Actuator;
        if (!ReferenceEquals(binding, _resolvedFor) || _resolved is null)
        {
            _resolved = ScaleTargetRef.Create(targetId, Enum.Parse<ActuatorKind>(binding.Kind, ignoreCase: true), binding.Settings);
            _resolvedFor = binding;
        }

        return _resolved;
    }
}
