using System.ComponentModel.DataAnnotations;

namespace Autoscaler.Silo.Demo;

/// <summary>The MisterSmith demo fleet (section <c>Demo</c>; <c>--demo</c> on the command line turns it on).</summary>
public sealed class DemoOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Demo";

    /// <summary>Create the demo fleet and drive it with synthetic load.</summary>
    public bool Enabled { get; set; }

    /// <summary>How long one simulated day lasts, in real minutes.</summary>
    [Range(1, 1440)]
    public double DayLengthMinutes { get; set; } = 10;

    /// <summary>Simulated time of day at start (hours, 0-24): the morning ramp, so decisions come within a minute.</summary>
    [Range(0, 24)]
    public double StartHour { get; set; } = 7.5;

    /// <summary>Seconds a new simulated instance takes to start.</summary>
    [Range(0, 600)]
    public int StartupDelaySeconds { get; set; } = 5;
}
