namespace Autoscaler.Scaling.Safety;

/// <summary>
/// An operator's fixed capacity (top-level <c>override</c> extension). Until <see cref="ExpiresAt"/> it wins over every
/// policy, stabilization and rate limit; it is still clamped to [min, max].
/// </summary>
/// <param name="Capacity">The capacity to hold.</param>
/// <param name="Reason">Why, for the explanation and the audit trail.</param>
/// <param name="ExpiresAt">When the policies take over again; null for never.</param>
public sealed record ManualOverride(int Capacity, string? Reason, DateTimeOffset? ExpiresAt)
{
    /// <summary>True while the override is in force at <paramref name="now"/>.</summary>
    public bool IsActive(DateTimeOffset now) => ExpiresAt is not { } expiry || now < expiry;
}
