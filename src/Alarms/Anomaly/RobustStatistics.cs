namespace Autoscaler.Alarms.Anomaly;

/// <summary>Medians and the median absolute deviation, the robust estimates the anomaly model is built from.</summary>
internal static class RobustStatistics
{
    /// <summary>Scales a MAD to a standard deviation for normally distributed data.</summary>
    public const double MadToSigma = 1.4826;

    /// <summary>The median of the finite values of <paramref name="values"/> (sorted in place); NaN when there are none.</summary>
    public static double MedianInPlace(Span<double> values)
    {
        var count = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsNaN(values[i]))
            {
                values[count++] = values[i];
            }
        }

        if (count == 0)
        {
            return double.NaN;
        }

        var present = values[..count];
        present.Sort();
        return count % 2 == 1 ? present[count / 2] : (present[(count / 2) - 1] + present[count / 2]) / 2;
    }

    /// <summary>The median of a copy of <paramref name="values"/>.</summary>
    public static double Median(ReadOnlySpan<double> values)
    {
        var copy = values.ToArray();
        return MedianInPlace(copy);
    }

    /// <summary>MAD × 1.4826: a standard deviation that outliers barely move.</summary>
    public static double RobustSigma(ReadOnlySpan<double> values)
    {
        var median = Median(values);
        var deviations = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            deviations[i] = Math.Abs(values[i] - median);
        }

        return MedianInPlace(deviations) * MadToSigma;
    }
}
