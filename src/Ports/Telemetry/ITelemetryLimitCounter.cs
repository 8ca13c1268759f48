namespace Autoscaler.Ports.Telemetry;

/// <summary>
/// Counts telemetry values a target refused because they would pass one of its limits (<see cref="TelemetryLimit"/>).
/// Limits are enforced where a target's series live (its grain), after the pipeline accepted the message; this is how
/// those refusals reach the pipeline's counters. Called on the grain's turn: count, never block.
/// </summary>
public interface ITelemetryLimitCounter
{
    /// <summary>Counts <paramref name="values"/> metric values of <paramref name="target"/> refused at <paramref name="limit"/>.</summary>
    public void Refused(string target, TelemetryLimit limit, int values);
}
