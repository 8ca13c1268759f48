namespace Autoscaler.Ports.Sources;

/// <summary>What a read of a metric source found.</summary>
public enum MetricSourceResultKind
{
    /// <summary>At least one value was read.</summary>
    Ok,

    /// <summary>The source answered but had no value (no series, no rows, only NULL or non-finite values).</summary>
    Empty,

    /// <summary>The source could not be read (unreachable, bad query, timeout, unexpected shape).</summary>
    Failed,
}
