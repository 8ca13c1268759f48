namespace Autoscaler.Scaling.Forecasting;

/// <summary>A pure, deterministic forecasting method over a regularly spaced series.</summary>
public interface IForecastMethod
{
    /// <summary>Short name reported with a forecast (`naive`, `seasonalNaive`, `holtWinters`).</summary>
    public string Name { get; }

    /// <summary>Fewest points the method needs.</summary>
    public int MinimumLength { get; }

    /// <summary>Fills <paramref name="forecast"/> with the next points after <paramref name="history"/>.</summary>
    public void Forecast(ReadOnlySpan<double> history, Span<double> forecast);
}
