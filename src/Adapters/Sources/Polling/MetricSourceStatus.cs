using Autoscaler.Ports.Sources;

namespace Autoscaler.Adapters.Sources.Polling;

/// <summary>A source's state as the health check and operators see it.</summary>
/// <param name="Name">The source's name (<c>N:kind:target/metric</c>).</param>
/// <param name="Polls">Polls so far.</param>
/// <param name="Failures">Failed reads so far.</param>
/// <param name="ConsecutiveFailures">Failed reads since the last good or empty one.</param>
/// <param name="LastKind">The last read's kind; null before the first poll.</param>
/// <param name="LastMessage">The last Empty or Failed message.</param>
/// <param name="LastSuccessAt">When values were last read.</param>
public sealed record MetricSourceStatus(
    string Name,
    long Polls,
    long Failures,
    int ConsecutiveFailures,
    MetricSourceResultKind? LastKind,
    string? LastMessage,
    DateTimeOffset? LastSuccessAt)
{
    /// <summary>True while the most recent read failed.</summary>
    public bool IsFailing => ConsecutiveFailures > 0;
}
