using System.Diagnostics;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Monitoring;
using Autoscaler.Ports.Actuation;

namespace Autoscaler.Grains.Services.Actuation;

/// <summary>
/// A target's way to its actuator: parses the registered binding's kind once per definition (not on every actuation),
/// bounds every call by <see cref="Timeout"/>, and turns whatever a client throws into a transient failure result, so the
/// decision protocol only ever sees results. It holds no copy of the binding's settings (a target's memory counts: fleets
/// run to 100,000 targets per silo); a call's <see cref="ScaleTargetRef"/> wraps the definition's own.
/// </summary>
internal sealed class ActuatorGateway(string targetId, IScaleTargetClientFactory actuators, ControlPlaneMetrics metrics)
{
    /// <summary>The longest an actuation or a read-back may take.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private ActuatorBinding? _parsedFor;
    private ActuatorKind _kind;

    /// <summary>Applies <paramref name="capacity"/> as decision <paramref name="decisionId"/>.</summary>
    public async Task<ScaleTargetResult> ApplyAsync(TargetDefinition definition, string decisionId, int capacity)
    {
        using var span = DecisionTracing.Source.StartActivity(DecisionTracing.ActuationApply);
        span?.SetTag("autoscaler.target", targetId).SetTag("autoscaler.decision", decisionId).SetTag("autoscaler.capacity", capacity);
        var started = Stopwatch.GetTimestamp();
        ScaleTargetResult result;
        try
        {
            var target = Resolve(definition);
            using var timeout = new CancellationTokenSource(Timeout);
            result = await actuators.GetClient(target).SetDesiredCapacityAsync(target, new DesiredCapacityRequest(decisionId, capacity), timeout.Token);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            result = ScaleTargetResult.Failure(ScaleTargetErrorKind.Transient, $"{error.GetType().Name}: {error.Message}");
        }

        metrics.Actuated(definition.Actuator.Kind.ToLowerInvariant(), result.Succeeded, Stopwatch.GetElapsedTime(started));
        span?.SetTag("autoscaler.actuator", definition.Actuator.Kind);
        if (!result.Succeeded)
        {
            span?.SetStatus(ActivityStatusCode.Error, result.Message);
        }

        return result;
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
        if (!ReferenceEquals(binding, _parsedFor))
        {
            _kind = Enum.Parse<ActuatorKind>(binding.Kind, ignoreCase: true);
            _parsedFor = binding;
        }

        // Setting() compares keys without case, so the definition's dictionary serves as it is.
        return new ScaleTargetRef(targetId, _kind, binding.Settings);
    }
}
