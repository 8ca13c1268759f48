namespace Autoscaler.Scaling.Simulation;

/// <summary>
/// The part of a simulation that is scored, [From, To); null ends mean the trace's own. What comes before
/// <see cref="From"/> is simulated (it warms up windows, stabilization and forecasts) but not counted.
/// </summary>
public sealed record ScoreWindow(DateTimeOffset? From, DateTimeOffset? To)
{
    /// <summary>The whole trace.</summary>
    public static ScoreWindow Whole { get; } = new(null, null);
}
