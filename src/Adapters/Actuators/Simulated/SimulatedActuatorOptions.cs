using System.ComponentModel.DataAnnotations;

namespace Autoscaler.Adapters.Actuators.Simulated;

/// <summary>Defaults for simulated targets, bound from <c>Actuators:Simulated</c>; a binding's settings override them.</summary>
public sealed class SimulatedActuatorOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Actuators:Simulated";

    /// <summary>Instances running when a simulated target is first used (binding setting <c>initialCapacity</c>).</summary>
    [Range(0, 10_000)]
    public int InitialCapacity { get; set; } = 1;

    /// <summary>Time a new instance takes to start (binding setting <c>startupDelaySeconds</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan StartupDelay { get; set; } = TimeSpan.FromSeconds(30);
}
