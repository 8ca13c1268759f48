namespace Autoscaler.Optimization.Schedules;

/// <summary>
/// Does grouping values by hour (of the day or of the week) explain them better than chance? The statistic is the
/// share of variance between groups (η²); its p-value comes from a permutation test (values shuffled over the hours
/// with a fixed seed), which needs no distribution assumption; the effect size is η² adjusted for the number of groups
/// (pure noise scores about 0 whatever the group count).
/// </summary>
public static class PatternTest
{
    private const int Seed = 20_260_101;

    /// <summary>(p-value, adjusted η²) of <paramref name="values"/> grouped by <paramref name="groups"/>.</summary>
    public static (double PValue, double Explained) Run(IReadOnlyList<double> values, IReadOnlyList<int> groups, int groupCount, int permutations)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(groups);
        var observed = EtaSquared(values, groups, groupCount);
        var used = groups.Distinct().Count();
        var n = values.Count;
        if (n <= used || observed <= 0)
        {
            return (1, 0);
        }

        var random = new Random(Seed);
        var shuffled = values.ToArray();
        var atLeast = 0;
        for (var p = 0; p < permutations; p++)
        {
            random.Shuffle(shuffled);
            atLeast += EtaSquared(shuffled, groups, groupCount) >= observed - 1e-12 ? 1 : 0;
        }

        var adjusted = 1 - ((1 - observed) * (n - 1) / (n - used));
        return ((atLeast + 1.0) / (permutations + 1), Math.Max(0, adjusted));
    }

    /// <summary>Between-group sum of squares over total sum of squares; 0 for constant values.</summary>
    public static double EtaSquared(IReadOnlyList<double> values, IReadOnlyList<int> groups, int groupCount)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(groups);
        var sums = new double[groupCount];
        var counts = new int[groupCount];
        double total = 0, squares = 0;
        for (var i = 0; i < values.Count; i++)
        {
            sums[groups[i]] += values[i];
            counts[groups[i]]++;
            total += values[i];
            squares += values[i] * values[i];
        }

        var mean = total / values.Count;
        var totalSs = squares - (values.Count * mean * mean);
        if (totalSs <= 1e-12)
        {
            return 0;
        }

        var between = 0.0;
        for (var g = 0; g < groupCount; g++)
        {
            if (counts[g] > 0)
            {
                var groupMean = sums[g] / counts[g];
                between += counts[g] * (groupMean - mean) * (groupMean - mean);
            }
        }

        return between / totalSs;
    }
}
