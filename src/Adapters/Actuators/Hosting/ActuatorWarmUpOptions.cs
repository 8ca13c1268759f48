using System.ComponentModel.DataAnnotations;

namespace Autoscaler.Adapters.Actuators.Hosting;

/// <summary>
/// The actuation path's warm-up at start, bound from <c>Actuators:WarmUp</c> (<c>Actuators__WarmUp__Enabled=false</c>
/// switches it off): see <see cref="ActuatorWarmUp"/>.
/// </summary>
public sealed class ActuatorWarmUpOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Actuators:WarmUp";

    /// <summary>Whether the silo warms the actuation path before it starts (default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The most the warm-up may add to start-up; past it the start goes on and the rest is built on first use.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);
}
