using Autoscaler.Ports.Decisions;

namespace Autoscaler.Ports.History;

/// <summary>One page of history, newest first.</summary>
/// <param name="Entries">The entries of this page.</param>
/// <param name="NextCursor">Pass as <see cref="ScalingHistoryQuery.Cursor"/> for the next page; null when this is the
/// last. Stable under concurrent appends: it names a position (time, id), not an offset.</param>
public sealed record ScalingHistoryPage(IReadOnlyList<DecisionRecord> Entries, string? NextCursor);
