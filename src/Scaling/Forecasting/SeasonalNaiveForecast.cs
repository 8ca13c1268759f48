namespace Autoscaler.Scaling.Forecasting;

/// <summary>Each future point repeats the point one season earlier (for hourly data, the same hour yesterday).</summary>
public sealed class SeasonalNaiveForecast : IForecastMethod
{
    /// <summary>Creates the method for a season of <paramref name="seasonLength"/> points (e.g. 24 hourly points).</summary>
    public SeasonalNaiveForecast(int seasonLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seasonLength, 1);
        SeasonLength = seasonLength;
    }

    /// <summary>Points per season.</summary>
    public int SeasonLength { get; }

    /// <inheritdoc />
    public string Name => "seasonalNaive";

    /// <inheritdoc />
    public int MinimumLength => SeasonLength;

    /// <inheritdoc />
    public void Forecast(ReadOnlySpan<double> history, Span<double> forecast)
    {
        ForecastGuard.Check(this, history);
        var lastSeason = history[^SeasonLength..];
        for (var h = 0; h < forecast.Length; h++)
        {
            forecast[h] = lastSeason[h % SeasonLength];
        }
    }
}
