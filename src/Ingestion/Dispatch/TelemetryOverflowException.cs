namespace Autoscaler.Ingestion.Dispatch;

/// <summary>
/// Samples whose writer waited on their delivery (<see cref="TelemetryDispatcher.DeliverAsync(string, ReadOnlyMemory{Autoscaler.Ports.Telemetry.TelemetrySample}, CancellationToken)"/>) were dropped because
/// their target's queue, or the table of targets, was full. They are counted as overflow like any other.
/// </summary>
public sealed class TelemetryOverflowException : Exception
{
    /// <summary>Creates the exception for <paramref name="dropped"/> of <paramref name="count"/> samples for <paramref name="target"/>.</summary>
    public TelemetryOverflowException(string target, int dropped, int count)
        : base($"The queue for target '{target}' is full: {dropped} of {count} sample(s) dropped (counted as overflow).")
    {
        Target = target;
        Dropped = dropped;
    }

    /// <summary>The target whose samples were dropped.</summary>
    public string Target { get; }

    /// <summary>How many were dropped.</summary>
    public int Dropped { get; }
}
