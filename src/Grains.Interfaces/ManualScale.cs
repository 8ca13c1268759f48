namespace Autoscaler.Grains.Interfaces;

/// <summary>An operator pins a target's capacity.</summary>
/// <param name="Capacity">The capacity to hold (within the target's min and max).</param>
/// <param name="Reason">Why (required; recorded in history).</param>
/// <param name="Actor">Who asked.</param>
/// <param name="Expires">When policies take over again (null: until cleared).</param>
[GenerateSerializer, Immutable, Alias("autoscaler.ManualScale")]
public sealed record ManualScale(int Capacity, string Reason, string Actor, DateTimeOffset? Expires = null);
