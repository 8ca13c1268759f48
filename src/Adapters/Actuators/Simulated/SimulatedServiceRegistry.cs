using System.Collections.Concurrent;
using System.Globalization;
using Autoscaler.Ports.Actuation;
using Microsoft.Extensions.Options;

namespace Autoscaler.Adapters.Actuators.Simulated;

/// <summary>
/// The simulated services of a process, by target id: created on first use from the binding's settings
/// (<c>initialCapacity</c>, <c>startupDelaySeconds</c>) or the defaults, or added up front by a test or the demo.
/// </summary>
public sealed class SimulatedServiceRegistry(TimeProvider timeProvider, IOptions<SimulatedActuatorOptions>? options = null)
{
    private readonly ConcurrentDictionary<string, SimulatedService> _services = new(StringComparer.Ordinal);
    private readonly SimulatedActuatorOptions _defaults = options?.Value ?? new SimulatedActuatorOptions();

    /// <summary>The clock the services run on.</summary>
    public TimeProvider TimeProvider => timeProvider;

    /// <summary>Registers (or replaces) the service for <paramref name="targetId"/>.</summary>
    public SimulatedService Add(string targetId, int initialCapacity = 1, TimeSpan? startupDelay = null)
    {
        var service = new SimulatedService(timeProvider, initialCapacity, startupDelay ?? _defaults.StartupDelay);
        _services[targetId] = service;
        return service;
    }

    /// <summary>The service for <paramref name="targetId"/>, if one exists.</summary>
    public SimulatedService? Find(string targetId) => _services.GetValueOrDefault(targetId);

    /// <summary>The service for the binding's target, created from its settings on first use.</summary>
    public SimulatedService GetOrCreate(ScaleTargetRef binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        return _services.GetOrAdd(binding.TargetId, _ => new SimulatedService(
            timeProvider,
            ParseInt(binding.Setting("initialCapacity")) ?? _defaults.InitialCapacity,
            ParseInt(binding.Setting("startupDelaySeconds")) is { } seconds ? TimeSpan.FromSeconds(seconds) : _defaults.StartupDelay));
    }

    private static int? ParseInt(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value : null;
}
