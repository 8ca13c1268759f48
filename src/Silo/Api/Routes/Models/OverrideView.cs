namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary>An operator's pinned capacity.</summary>
public sealed record OverrideView(int Capacity, string Reason, string Actor, DateTimeOffset? ExpiresAt);
