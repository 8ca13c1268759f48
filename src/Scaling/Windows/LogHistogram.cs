namespace Autoscaler.Scaling.Windows;

/// <summary>
/// The fixed layout of the per-bucket percentile histogram: 400 bins, logarithmic between 0.001 and 1e9. Bin 0 holds
/// every value below 0.001 (zero and negatives included), the last bin every value at or above 1e9; in between, bin
/// edges grow by a constant factor, so a percentile read from the bin's geometric centre is off by at most
/// <see cref="RelativeError"/> of the true sample. Percentiles are also clamped to the exact min/max of the samples, so
/// values outside the tracked range are still bounded correctly. Counts are 16-bit per bin and bucket: when one would
/// overflow, the whole row is halved, which keeps the proportions that percentiles depend on.
/// </summary>
public static class LogHistogram
{
    /// <summary>Number of bins per bucket.</summary>
    public const int BinCount = 400;

    /// <summary>Smallest value with a log bin of its own.</summary>
    public const double MinTrackable = 1e-3;

    /// <summary>Values at or above this share the overflow bin.</summary>
    public const double MaxTrackable = 1e9;

    private static readonly double LogMin = Math.Log(MinTrackable);
    private static readonly double LogGamma = (Math.Log(MaxTrackable) - LogMin) / (BinCount - 2);
    private static readonly double[] Centres = BuildCentres();

    /// <summary>Worst relative error of a percentile for values inside the tracked range (about 3.5 %).</summary>
    public static double RelativeError { get; } = Math.Exp(LogGamma / 2) - 1;

    /// <summary>The bin a value falls in.</summary>
    public static int BinOf(double value)
    {
        if (!(value >= MinTrackable))
        {
            return 0;
        }

        if (value >= MaxTrackable)
        {
            return BinCount - 1;
        }

        var bin = 1 + (int)((Math.Log(value) - LogMin) / LogGamma);
        return Math.Min(bin, BinCount - 2);
    }

    /// <summary>The value reported for a percentile that lands in a bin (before clamping to the exact min/max).</summary>
    public static double Representative(int bin) => Centres[bin];

    private static double[] BuildCentres()
    {
        var centres = new double[BinCount];
        centres[0] = 0;
        for (var bin = 1; bin < BinCount - 1; bin++)
        {
            centres[bin] = Math.Exp(LogMin + ((bin - 1 + 0.5) * LogGamma));
        }

        centres[BinCount - 1] = MaxTrackable;
        return centres;
    }
}
