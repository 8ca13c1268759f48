namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary><c>GET /history/{target}</c>: newest first; pass <c>nextCursor</c> as <c>cursor</c> for the next page.</summary>
public sealed record HistoryView(string Target, IReadOnlyList<EventView> Events, string? NextCursor);
