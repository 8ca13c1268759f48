namespace Autoscaler.Scaling.Policies;

/// <summary>The document names of <see cref="ThresholdComparison"/> (seed 001 spells them in snake case).</summary>
public static class ThresholdComparisonNames
{
    /// <summary>Every accepted name.</summary>
    public static IReadOnlyList<string> All { get; } = ["greater_than", "less_than", "percentage_change"];

    /// <summary>Parses a document name.</summary>
    public static bool TryParse(string? name, out ThresholdComparison comparison)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i], name, StringComparison.Ordinal))
            {
                comparison = (ThresholdComparison)i;
                return true;
            }
        }

        comparison = default;
        return false;
    }

    /// <summary>The document name of a comparison.</summary>
    public static string Name(ThresholdComparison comparison) => All[(int)comparison];
}
