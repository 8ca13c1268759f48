namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary>The body of <c>POST /targets/{id}/scale</c>: <c>replicas</c> (the dashboard's name) or <c>capacity</c>, a
/// required <c>reason</c> and an optional <c>expiresAt</c> after which policies take over again.</summary>
public sealed record ScaleRequest(int? Replicas, int? Capacity, string? Reason, DateTimeOffset? ExpiresAt);
