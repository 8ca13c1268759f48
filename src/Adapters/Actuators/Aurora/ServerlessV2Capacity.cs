using Autoscaler.Adapters.Aws.Rds;

namespace Autoscaler.Adapters.Actuators.Aurora;

/// <summary>
/// A Serverless v2 target's capacity in ACUs: each unit of the target's capacity is <see cref="AcuPerUnit"/> ACUs (a
/// multiple of 0.5, default 0.5, so capacity 4 is a 2 ACU minimum). AWS takes ACUs in half steps, the minimum from 0 (only
/// engine versions with auto-pause) or 0.5, the maximum from 1, both up to 256 (128 on older engine versions) and
/// maximum at least minimum; <see cref="MinAcu"/> and <see cref="MaxAcu"/> narrow that per binding. Pure: no I/O.
/// </summary>
/// <param name="AcuPerUnit">ACUs per unit of capacity.</param>
/// <param name="Headroom">Where the maximum is kept above the minimum; null leaves it (raised to the minimum if below).</param>
/// <param name="MinAcu">The lowest minimum this target may set.</param>
/// <param name="MaxAcu">The highest value (minimum or maximum) this target may set.</param>
public sealed record ServerlessV2Capacity(double AcuPerUnit, ServerlessV2Headroom? Headroom, double MinAcu, double MaxAcu)
{
    /// <summary>AWS's granularity: half an ACU.</summary>
    public const double Step = 0.5;

    /// <summary>The highest capacity AWS accepts (recent engine versions).</summary>
    public const double HighestAcu = 256;

    /// <summary>The lowest maximum AWS accepts.</summary>
    public const double LowestMaximum = 1;

    // Comparisons of ACU values tolerate binary rounding (0.1 + 0.2) but nothing a half step could hide.
    private const double Epsilon = 1e-9;

    /// <summary>Rounds up to the next half ACU (2.2 → 2.5; 2.5 stays).</summary>
    public static double RoundUp(double acu) => Math.Ceiling((acu / Step) - Epsilon) * Step;

    /// <summary>True when <paramref name="acu"/> is a whole number of half ACUs.</summary>
    public static bool IsHalfStep(double acu) => Math.Abs((acu / Step) - Math.Round(acu / Step)) < Epsilon;

    /// <summary>The minimum ACUs of <paramref name="units"/> units of capacity.</summary>
    public double ToAcu(int units) => RoundUp(units * AcuPerUnit);

    /// <summary>The units of capacity a minimum of <paramref name="acu"/> amounts to, rounded up (a floor is never understated).</summary>
    public int ToUnits(double acu) => (int)Math.Ceiling((acu / AcuPerUnit) - Epsilon);

    /// <summary>
    /// The capacity range for <paramref name="units"/>: minimum = <see cref="ToAcu"/>; maximum = the headroom above it
    /// (rounded up to a half ACU) or else <paramref name="currentMax"/>, never below the minimum or 1, never above
    /// <see cref="MaxAcu"/>. False with the reason when the minimum falls outside [<see cref="MinAcu"/>, <see cref="MaxAcu"/>].
    /// </summary>
    public bool TryRange(int units, double currentMax, out RdsServerlessV2Scaling range, out string error)
    {
        var minimum = ToAcu(units);
        range = null!;
        error = minimum < MinAcu - Epsilon ? $"capacity {units} is {Format(minimum)} ACU, below the binding's minAcu {Format(MinAcu)}"
            : minimum > MaxAcu + Epsilon ? $"capacity {units} is {Format(minimum)} ACU, above the binding's maxAcu {Format(MaxAcu)}"
            : string.Empty;
        if (error.Length > 0)
        {
            return false;
        }

        var maximum = Headroom is { } headroom ? RoundUp(headroom.Apply(minimum)) : currentMax;
        maximum = Math.Min(Math.Max(maximum, Math.Max(minimum, LowestMaximum)), MaxAcu);
        range = new RdsServerlessV2Scaling(minimum, maximum);
        return true;
    }

    /// <summary>An ACU value for messages (<c>2.5</c>).</summary>
    public static string Format(double acu) => RdsQueryClient.Acu(acu);
}
