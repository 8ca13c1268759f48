using Autoscaler.Ports.Actuation;

namespace Autoscaler.Adapters.Actuators;

/// <summary>A factory over given client instances, for tests and the demo: <c>new FixedScaleTargetClientFactory(simulated)</c>.</summary>
public sealed class FixedScaleTargetClientFactory(params IScaleTargetClient[] clients) : IScaleTargetClientFactory
{
    private readonly Dictionary<ActuatorKind, IScaleTargetClient> _clients = clients.ToDictionary(c => c.Kind);

    /// <inheritdoc />
    public IReadOnlyCollection<ActuatorKind> SupportedKinds => _clients.Keys;

    /// <inheritdoc />
    public IScaleTargetClient GetClient(ScaleTargetRef binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        return _clients.TryGetValue(binding.Kind, out var client)
            ? client
            : throw new NotSupportedException($"No actuator is registered for kind {binding.Kind} (target {binding.TargetId}).");
    }
}
