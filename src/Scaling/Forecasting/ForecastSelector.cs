namespace Autoscaler.Scaling.Forecasting;

/// <summary>
/// Picks the forecasting method with the lowest backtest error: each method is fitted on the series minus its last
/// <see cref="Holdout"/> points, forecasts them, and is scored (MAE and MAPE). The winner (ties keep the earlier method,
/// so list simple methods first) is refitted on the whole series to produce the forecast. When the series is too short
/// to hold anything out, the last method that can run on the whole series is used and its errors are NaN.
/// </summary>
public sealed class ForecastSelector
{
    /// <summary>Creates a selector over <paramref name="methods"/>, holding out <paramref name="holdout"/> points.</summary>
    public ForecastSelector(IReadOnlyList<IForecastMethod> methods, int holdout, ForecastCriterion criterion = ForecastCriterion.Mae)
    {
        ArgumentNullException.ThrowIfNull(methods);
        ArgumentOutOfRangeException.ThrowIfZero(methods.Count);
        ArgumentOutOfRangeException.ThrowIfLessThan(holdout, 1);
        Methods = methods;
        Holdout = holdout;
        Criterion = criterion;
    }

    /// <summary>The candidate methods, in preference order.</summary>
    public IReadOnlyList<IForecastMethod> Methods { get; }

    /// <summary>Points held out for the backtest.</summary>
    public int Holdout { get; }

    /// <summary>The error that decides.</summary>
    public ForecastCriterion Criterion { get; }

    /// <summary>Naive, seasonal-naive and grid-searched Holt-Winters, holding out the last season.</summary>
    public static ForecastSelector Default(int seasonLength) =>
        new([new NaiveForecast(), new SeasonalNaiveForecast(seasonLength), new HoltWintersForecast(seasonLength)], seasonLength);

    /// <summary>Backtests every method that fits and forecasts <paramref name="horizon"/> points with the best one.</summary>
    public ForecastSelection Select(IReadOnlyList<double> series, int horizon)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        var values = series as double[] ?? [.. series];
        if (values.Length == 0)
        {
            throw new ArgumentException("the series is empty", nameof(series));
        }

        var scores = new List<MethodScore>();
        IForecastMethod? best = null;
        MethodScore? bestScore = null;
        var train = values.AsSpan(0, Math.Max(0, values.Length - Holdout));
        var actual = values.AsSpan(train.Length);
        var predicted = new double[actual.Length];
        foreach (var method in Methods)
        {
            if (train.Length < method.MinimumLength || actual.Length < Holdout)
            {
                continue;
            }

            method.Forecast(train, predicted);
            var score = new MethodScore(method.Name, ForecastErrors.Mae(actual, predicted), ForecastErrors.Mape(actual, predicted));
            scores.Add(score);
            if (bestScore is null || Key(score) < Key(bestScore))
            {
                best = method;
                bestScore = score;
            }
        }

        best ??= Methods.LastOrDefault(m => m.MinimumLength <= values.Length)
            ?? throw new ArgumentException($"the series has {values.Length} points, too few for every method", nameof(series));
        var forecast = new double[horizon];
        best.Forecast(values, forecast);
        return new ForecastSelection(best.Name, forecast, bestScore?.Mae ?? double.NaN, bestScore?.Mape ?? double.NaN, scores);
    }

    private double Key(MethodScore score) =>
        Criterion == ForecastCriterion.Mape && !double.IsNaN(score.Mape) ? score.Mape : score.Mae;
}
