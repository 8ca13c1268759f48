using Autoscaler.Scaling.Model;

namespace Autoscaler.Scaling.Behavior;

/// <summary>The outcome of the rate limits and bounds.</summary>
/// <param name="Desired">Capacity after rate limits and [min, max].</param>
/// <param name="Limit">The rate limit of the direction moved in (null when capacity stays).</param>
/// <param name="LimitedBy">What changed the value; null when nothing did.</param>
public readonly record struct RateLimit(int Desired, int? Limit, LimitReason? LimitedBy);
