namespace Autoscaler.Scaling.Forecasting;

/// <summary>
/// Additive Holt-Winters (level + trend + seasonal). Initial state from the first two seasons: level = mean of season 1,
/// trend = (mean of season 2 − mean of season 1) / season length, level = season 1's mean carried to its last point,
/// seasonal offsets = season 1 minus its trend line. With no fixed
/// parameters, α, β and γ are chosen from a small grid by the lowest one-step-ahead squared error over the history
/// (ties keep the first in grid order, so the choice is deterministic).
/// </summary>
public sealed class HoltWintersForecast : IForecastMethod
{
    private static readonly double[] AlphaGrid = [0.1, 0.3, 0.5, 0.7, 0.9];
    private static readonly double[] BetaGrid = [0.01, 0.05, 0.1, 0.3];
    private static readonly double[] GammaGrid = [0.05, 0.1, 0.3, 0.5];

    /// <summary>Creates the method; <paramref name="fixedParameters"/> null means grid search on every call.</summary>
    public HoltWintersForecast(int seasonLength, HoltWintersParameters? fixedParameters = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seasonLength, 2);
        SeasonLength = seasonLength;
        FixedParameters = fixedParameters;
    }

    /// <summary>Points per season.</summary>
    public int SeasonLength { get; }

    /// <summary>Parameters used as given, or null for grid search.</summary>
    public HoltWintersParameters? FixedParameters { get; }

    /// <summary>The parameters chosen by the most recent <see cref="Forecast"/> call.</summary>
    public HoltWintersParameters? LastParameters { get; private set; }

    /// <inheritdoc />
    public string Name => "holtWinters";

    /// <inheritdoc />
    public int MinimumLength => 2 * SeasonLength;

    /// <inheritdoc />
    public void Forecast(ReadOnlySpan<double> history, Span<double> forecast)
    {
        ForecastGuard.Check(this, history);
        var parameters = FixedParameters ?? Search(history);
        LastParameters = parameters;
        var seasonal = new double[SeasonLength];
        Run(history, parameters, seasonal, out var level, out var trend);
        for (var h = 0; h < forecast.Length; h++)
        {
            forecast[h] = level + ((h + 1) * trend) + seasonal[(history.Length + h) % SeasonLength];
        }
    }

    private HoltWintersParameters Search(ReadOnlySpan<double> history)
    {
        var seasonal = new double[SeasonLength];
        var best = new HoltWintersParameters(AlphaGrid[0], BetaGrid[0], GammaGrid[0]);
        var bestError = double.PositiveInfinity;
        foreach (var alpha in AlphaGrid)
        {
            foreach (var beta in BetaGrid)
            {
                foreach (var gamma in GammaGrid)
                {
                    var candidate = new HoltWintersParameters(alpha, beta, gamma);
                    var error = Run(history, candidate, seasonal, out _, out _);
                    if (error < bestError)
                    {
                        bestError = error;
                        best = candidate;
                    }
                }
            }
        }

        return best;
    }

    /// <summary>Smooths the whole history; returns the sum of squared one-step-ahead errors.</summary>
    private double Run(ReadOnlySpan<double> y, HoltWintersParameters p, Span<double> seasonal, out double level, out double trend)
    {
        var m = SeasonLength;
        var first = Mean(y[..m]);
        trend = (Mean(y[m..(2 * m)]) - first) / m;

        // The first season's mean sits at its middle point: move the level to its last point and detrend the offsets.
        level = first + (trend * (m - 1) / 2.0);
        for (var i = 0; i < m; i++)
        {
            seasonal[i] = y[i] - (first + (trend * (i - ((m - 1) / 2.0))));
        }

        var squaredError = 0.0;
        for (var t = m; t < y.Length; t++)
        {
            var s = seasonal[t % m];
            var predicted = level + trend + s;
            squaredError += (y[t] - predicted) * (y[t] - predicted);
            var previousLevel = level;
            level = (p.Alpha * (y[t] - s)) + ((1 - p.Alpha) * (level + trend));
            trend = (p.Beta * (level - previousLevel)) + ((1 - p.Beta) * trend);
            seasonal[t % m] = (p.Gamma * (y[t] - level)) + ((1 - p.Gamma) * s);
        }

        return squaredError;
    }

    private static double Mean(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }
}
