namespace Autoscaler.Grains.Services.Decisions.WarmUp;

/// <summary>
/// The decision path's warm-up at start, bound from <c>Decisions:WarmUp</c> (<c>Decisions__WarmUp__Enabled=false</c>
/// switches it off): see <see cref="DecisionPathWarmUp"/>.
/// </summary>
public sealed class DecisionWarmUpOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Decisions:WarmUp";

    /// <summary>Whether the silo runs the decision path once on a throwaway target before it starts (default true).</summary>
    public bool Enabled { get; set; } = true;
}
