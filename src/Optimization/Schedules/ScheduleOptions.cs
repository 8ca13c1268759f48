namespace Autoscaler.Optimization.Schedules;

/// <summary>How sure the detector must be before it proposes a schedule.</summary>
public sealed record ScheduleOptions
{
    /// <summary>The defaults.</summary>
    public static ScheduleOptions Default { get; } = new();

    /// <summary>Largest permutation-test p-value accepted (the chance noise groups this well by hour).</summary>
    public double MaxPValue { get; init; } = 0.01;

    /// <summary>Smallest share of variance the hour groups must explain, adjusted for the number of groups.</summary>
    public double MinExplained { get; init; } = 0.3;

    /// <summary>Label shuffles of the permutation test (seeded: the same input always gives the same answer).</summary>
    public int Permutations { get; init; } = 199;

    /// <summary>Why the options are unusable, or null.</summary>
    public string? Problem() =>
        MaxPValue is <= 0 or >= 1 ? "maxPValue must be in (0, 1)"
        : MinExplained is < 0 or >= 1 ? "minExplained must be in [0, 1)"
        : Permutations is < 19 or > 10_000 ? "permutations must be between 19 and 10000"
        : null;
}
