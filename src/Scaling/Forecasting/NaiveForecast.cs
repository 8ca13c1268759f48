namespace Autoscaler.Scaling.Forecasting;

/// <summary>Repeats the last observed point: the baseline every other method must beat.</summary>
public sealed class NaiveForecast : IForecastMethod
{
    /// <inheritdoc />
    public string Name => "naive";

    /// <inheritdoc />
    public int MinimumLength => 1;

    /// <inheritdoc />
    public void Forecast(ReadOnlySpan<double> history, Span<double> forecast)
    {
        ForecastGuard.Check(this, history);
        forecast.Fill(history[^1]);
    }
}
