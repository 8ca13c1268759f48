using Autoscaler.Ports.Actuation;
using Microsoft.Extensions.DependencyInjection;

namespace Autoscaler.Adapters.Actuators;

/// <summary>
/// Resolves the keyed <see cref="IScaleTargetClient"/> for a binding's kind on every call, so clients holding
/// factory-made <see cref="HttpClient"/>s are not kept for the life of the process.
/// </summary>
public sealed class ScaleTargetClientFactory(IServiceProvider services, IEnumerable<ScaleTargetClientRegistration> registrations)
    : IScaleTargetClientFactory
{
    private readonly ActuatorKind[] _kinds = [.. registrations.Select(r => r.Kind).Distinct().Order()];

    /// <inheritdoc />
    public IReadOnlyCollection<ActuatorKind> SupportedKinds => _kinds;

    /// <inheritdoc />
    public IScaleTargetClient GetClient(ScaleTargetRef binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        return services.GetKeyedService<IScaleTargetClient>(binding.Kind)
               ?? throw new NotSupportedException($"No actuator is registered for kind {binding.Kind} (target {binding.TargetId}).");
    }
}
