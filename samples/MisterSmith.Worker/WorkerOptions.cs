namespace MisterSmith.Worker;

/// <summary>The simulated worker service (section <c>Worker</c>; command line <c>--duration 30s --agents 8</c>).</summary>
public sealed class WorkerOptions
{
    /// <summary>Target id of the worker pool.</summary>
    public string Target { get; set; } = "mistersmith-worker";

    /// <summary>How many agents to simulate.</summary>
    public int Agents { get; set; } = 6;

    /// <summary>How long to run, e.g. <c>30s</c>, <c>5m</c>.</summary>
    public string Duration { get; set; } = "30s";

    /// <summary>Seconds between two telemetry reports of each agent.</summary>
    public double ReportIntervalSeconds { get; set; } = 2;

    /// <summary>Remove the target when the run ends.</summary>
    public bool RemoveOnExit { get; set; }
}
