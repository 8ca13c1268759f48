using Autoscaler.Ports.Decisions;
namespace Autoscaler.Ports.History;

/// <summary>A request for one page of a target's history.</summary>
/// <param name="Target">The scale target's id.</param>
/// <param name="From">Inclusive lower bound on <see cref="Decisions.DecisionRecord.At"/>.</param>
/// <param name="To">Exclusive upper bound on <see cref="Decisions.DecisionRecord.At"/>.</param>
/// <param name="Limit">Page size (1..1000).</param>
/// <param name="Cursor">Opaque <see cref="ScalingHistoryPage.NextCursor"/> of the previous page; null for the first.</param>
public sealed record ScalingHistoryQuery(
    string Target, DateTimeOffset From, DateTimeOffset To, int Limit = 100, string? Cursor = null);
