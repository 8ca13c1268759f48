namespace Autoscaler.Optimization.Usage;

/// <summary>Time arithmetic over usage samples: each holds until the next, the last for the typical step before it.</summary>
public static class UsageSeries
{
    /// <summary>Hours sample <paramref name="index"/> of <paramref name="samples"/> holds (1 hour for a lone sample).</summary>
    public static double HoursOf(IReadOnlyList<UsageSample> samples, int index)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (index + 1 < samples.Count)
        {
            return (samples[index + 1].At - samples[index].At).TotalHours;
        }

        return samples.Count > 1 ? (samples[^1].At - samples[^2].At).TotalHours : 1;
    }

    /// <summary>Days covered by the samples (the confidence of every recommendation drawn from them).</summary>
    public static double Days(IReadOnlyList<UsageSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var hours = 0.0;
        for (var i = 0; i < samples.Count; i++)
        {
            hours += HoursOf(samples, i);
        }

        return hours / 24;
    }
}
