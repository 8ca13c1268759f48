namespace Autoscaler.Scaling.Policies;

/// <summary>The document names of <see cref="ThresholdComparison"/> (seed 001 spells them in snake case).</summary>
public static class ThresholdComparisonNames
{
    /// <summary>Every accepted name.</summary>
    public static IReadOnlyList<string> All { get; } = ["greater_than", "less_than", "percentage_change"];

    /// <summary>Parses a document name.</summary>
    public static bool TryParse(string? name, out ThresholdComparison comparison)
    {
        var index = name is null ? -1 : All.ToList().IndexOf(name);
        comparison = (ThresholdComparison)Math.Max(index, 0);
        return index >= 0;
    }

    /// <summary>The document name of a comparison.</summary>
    public static string Name(ThresholdComparison comparison) => All[(int)comparison];
}
