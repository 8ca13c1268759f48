namespace Autoscaler.Ports.Actuation;

/// <summary>
/// Reads and sets the capacity of scale targets of one <see cref="ActuatorKind"/>. Implementations never throw for
/// failures of the target system: they return a <see cref="ScaleTargetResult"/> with an error kind (only cancellation
/// throws). They retry throttling and transient failures a bounded number of times before reporting them.
/// </summary>
public interface IScaleTargetClient
{
    /// <summary>The kind of binding this client understands.</summary>
    public ActuatorKind Kind { get; }

    /// <summary>Reads the capacity the target system reports for <paramref name="binding"/>.</summary>
    public Task<ScaleTargetResult> GetCapacityAsync(ScaleTargetRef binding, CancellationToken cancellationToken = default);

    /// <summary>Sets the desired capacity of <paramref name="binding"/>; the result carries the capacity observed afterwards.</summary>
    public Task<ScaleTargetResult> SetDesiredCapacityAsync(
        ScaleTargetRef binding,
        DesiredCapacityRequest request,
        CancellationToken cancellationToken = default);
}
