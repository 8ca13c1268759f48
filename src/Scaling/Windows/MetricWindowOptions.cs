namespace Autoscaler.Scaling.Windows;

/// <summary>Shape of a <see cref="MetricWindow"/>.</summary>
/// <param name="Length">How far back samples are kept (the longest window a policy may query).</param>
/// <param name="BucketCount">
/// Number of time buckets the length is cut into. Queries are resolved to whole buckets, so this is the time resolution;
/// memory grows with it (about 64 bytes per bucket plus 2 bytes per histogram bin its samples reach).
/// </param>
/// <param name="StalenessLimit">An instance whose latest sample is older than this is reported as missing.</param>
/// <param name="MaxInstances">Upper bound of tracked instances; the least recently seen one is evicted to make room.</param>
public sealed record MetricWindowOptions(TimeSpan Length, int BucketCount, TimeSpan StalenessLimit, int MaxInstances)
{
    /// <summary>One hour in 60 one-minute buckets, instances stale after 2 minutes, up to 256 instances.</summary>
    public static MetricWindowOptions Default { get; } = new(TimeSpan.FromHours(1), 60, TimeSpan.FromMinutes(2), 256);

    /// <summary>Width of one bucket.</summary>
    public TimeSpan BucketWidth => TimeSpan.FromTicks(Length.Ticks / BucketCount);

    /// <summary>Throws when the shape is unusable; the message names the field.</summary>
    public void Validate()
    {
        if (BucketCount is < 1 or > 4096)
        {
            throw new ArgumentOutOfRangeException(nameof(BucketCount), BucketCount, "BucketCount: must be between 1 and 4096");
        }

        if (Length <= TimeSpan.Zero || Length.Ticks % BucketCount != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Length), Length, "Length: must be positive and a whole number of ticks per bucket");
        }

        if (StalenessLimit <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(StalenessLimit), StalenessLimit, "StalenessLimit: must be positive");
        }

        if (MaxInstances is < 1 or > 100_000)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxInstances), MaxInstances, "MaxInstances: must be between 1 and 100000");
        }
    }
}
