namespace Autoscaler.Scaling.Supervision;

/// <summary>A target asks its supervisor to move from <paramref name="Current"/> to <paramref name="Requested"/>.</summary>
/// <param name="Target">Target id.</param>
/// <param name="Current">Its capacity now.</param>
/// <param name="Requested">The capacity its policies decided on.</param>
/// <param name="Priority">Higher wins when limits bind.</param>
/// <param name="UnitCostPerHour">Price of one capacity unit for one hour.</param>
public sealed record CapacityRequest(string Target, int Current, int Requested, int Priority, decimal UnitCostPerHour)
{
    /// <summary>Units the request adds (0 for a scale-in or no change).</summary>
    public int Increase => Math.Max(0, Requested - Current);
}
