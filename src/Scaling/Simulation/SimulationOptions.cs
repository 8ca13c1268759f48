namespace Autoscaler.Scaling.Simulation;

/// <summary>How a simulation reports what it does.</summary>
public sealed record SimulationOptions
{
    /// <summary>Keep every decision in <see cref="SimulationResult.Decisions"/> (memory grows with the trace).</summary>
    public bool KeepDecisions { get; init; } = true;

    /// <summary>Told of every evaluation as it happens (streamed output, charts, progress); null for none.</summary>
    public ISimulationObserver? Observer { get; init; }

    /// <summary>Every decision kept, no observer.</summary>
    public static SimulationOptions Default { get; } = new();

    /// <summary>Only the summary and the capacity timeline: the cheapest run (tuning, long traces).</summary>
    public static SimulationOptions SummaryOnly { get; } = new() { KeepDecisions = false };
}
