namespace Autoscaler.Grains.Interfaces;

/// <summary>The states of a cost recommendation: <c>open</c> until applied, dismissed or superseded.</summary>
public static class RecommendationStates
{
    /// <summary>Proposed and waiting for an operator.</summary>
    public const string Open = "open";

    /// <summary>Applied (who, when and why are kept).</summary>
    public const string Applied = "applied";

    /// <summary>Dismissed by an operator (who, when and why are kept); the same proposal is not raised again.</summary>
    public const string Dismissed = "dismissed";

    /// <summary>Replaced by a recomputed proposal that differs, or no longer proposed at all.</summary>
    public const string Superseded = "superseded";

    /// <summary>Every state.</summary>
    public static IReadOnlyList<string> All { get; } = [Open, Applied, Dismissed, Superseded];
}
