namespace Autoscaler.Ports.Actuation;

/// <summary>Finds the <see cref="IScaleTargetClient"/> for a binding's kind.</summary>
public interface IScaleTargetClientFactory
{
    /// <summary>The kinds a client is registered for.</summary>
    public IReadOnlyCollection<ActuatorKind> SupportedKinds { get; }

    /// <summary>The client for <paramref name="binding"/>'s kind; throws <see cref="NotSupportedException"/> if none is registered.</summary>
    public IScaleTargetClient GetClient(ScaleTargetRef binding);
}
