namespace Autoscaler.Scaling.Windows;

/// <summary>
/// The occupied buckets of a <see cref="MetricWindow"/>, column-wise (index i of every array is one bucket). Each
/// bucket's histogram is stored as its run of bins from the first to the last non-zero one: <see cref="BinStarts"/>[i]
/// is the run's first bin, <see cref="BinLengths"/>[i] its length, and the runs follow one another in <see cref="Bins"/>.
/// </summary>
/// <param name="Head">Absolute index of the newest bucket (long.MinValue when nothing was recorded).</param>
/// <param name="Epochs">Absolute bucket index (timestamp ticks / bucket width) of each bucket.</param>
/// <param name="Counts">Samples per bucket.</param>
/// <param name="Sums">Sum of the samples per bucket.</param>
/// <param name="Mins">Smallest sample per bucket.</param>
/// <param name="Maxes">Largest sample per bucket.</param>
/// <param name="FirstTicks">Timestamp of the earliest sample per bucket.</param>
/// <param name="FirstValues">Value of the earliest sample per bucket.</param>
/// <param name="LastTicks">Timestamp of the latest sample per bucket.</param>
/// <param name="LastValues">Value of the latest sample per bucket.</param>
/// <param name="BinStarts">First non-zero histogram bin per bucket.</param>
/// <param name="BinLengths">Length of each bucket's run of bins.</param>
/// <param name="Bins">The runs of bin counts, one after another.</param>
public sealed record BucketsSnapshot(
    long Head,
    long[] Epochs,
    int[] Counts,
    double[] Sums,
    double[] Mins,
    double[] Maxes,
    long[] FirstTicks,
    double[] FirstValues,
    long[] LastTicks,
    double[] LastValues,
    int[] BinStarts,
    int[] BinLengths,
    int[] Bins);
