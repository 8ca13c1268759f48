using Autoscaler.Scaling.Forecasting;

namespace Autoscaler.Scaling.Tests;

public sealed class ForecastTests
{
    private static double[] Daily(int days, double trendPerHour = 0, double noise = 0)
    {
        var random = new Random(7);
        return Enumerable.Range(0, days * 24)
            .Select(h => 100 + (trendPerHour * h) + (50 * Math.Sin(2 * Math.PI * (h % 24) / 24)) + (noise * (random.NextDouble() - 0.5)))
            .ToArray();
    }

    [Fact]
    public void Seasonal_naive_repeats_the_last_season()
    {
        var forecast = new double[5];

        new SeasonalNaiveForecast(3).Forecast([1, 2, 3, 4, 5, 6], forecast);

        Assert.Equal([4.0, 5, 6, 4, 5], forecast);
    }

    [Fact]
    public void Naive_repeats_the_last_point()
    {
        var forecast = new double[2];

        new NaiveForecast().Forecast([3, 9], forecast);

        Assert.Equal([9.0, 9], forecast);
    }

    [Fact]
    public void Holt_winters_follows_season_and_trend()
    {
        var history = Daily(7, trendPerHour: 0.5);
        var truth = Daily(8, trendPerHour: 0.5)[^24..];
        var forecast = new double[24];

        new HoltWintersForecast(24).Forecast(history, forecast);

        Assert.InRange(ForecastErrors.Mae(truth, forecast), 0, 2.0);
    }

    [Fact]
    public void Holt_winters_uses_fixed_parameters_and_grid_search_is_deterministic()
    {
        var history = Daily(4, noise: 10);
        var fixedMethod = new HoltWintersForecast(24, new HoltWintersParameters(0.2, 0.1, 0.3));
        var searched = new HoltWintersForecast(24);
        var a = new double[6];
        var b = new double[6];

        fixedMethod.Forecast(history, a);
        searched.Forecast(history, a);
        var first = searched.LastParameters;
        searched.Forecast(history, b);

        Assert.Equal(new HoltWintersParameters(0.2, 0.1, 0.3), fixedMethod.LastParameters);
        Assert.Equal(first, searched.LastParameters);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Methods_reject_too_short_series_with_a_message()
    {
        var error = Assert.Throws<ArgumentException>(() => new HoltWintersForecast(24).Forecast(new double[30], new double[1]));

        Assert.StartsWith("holtWinters needs at least 48 points, got 30", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Selector_prefers_a_seasonal_method_on_seasonal_data_and_reports_its_error()
    {
        var selection = ForecastSelector.Default(24).Select(Daily(7, noise: 4), 12);

        Assert.NotEqual("naive", selection.Method);
        Assert.Equal(3, selection.Candidates.Count);
        Assert.Equal(selection.Candidates.Min(c => c.Mae), selection.Mae);
        Assert.InRange(selection.Mape, 0, 0.05);
        Assert.Equal(12, selection.Values.Count);
    }

    [Fact]
    public void Selector_keeps_the_simplest_method_on_a_tie()
    {
        var selection = ForecastSelector.Default(24).Select(Enumerable.Repeat(5.0, 96).ToArray(), 3);

        Assert.Equal("naive", selection.Method);
        Assert.Equal(0, selection.Mae);
        Assert.Equal([5.0, 5, 5], selection.Values);
    }

    [Fact]
    public void Selector_on_a_series_too_short_to_backtest_forecasts_without_error()
    {
        var selection = ForecastSelector.Default(24).Select([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 2);

        Assert.Equal("naive", selection.Method);
        Assert.Equal([10.0, 10], selection.Values);
        Assert.True(double.IsNaN(selection.Mae));
        Assert.Empty(selection.Candidates);
    }

    [Fact]
    public void Selector_by_mape_uses_percentage_error()
    {
        var selector = new ForecastSelector([new NaiveForecast(), new SeasonalNaiveForecast(2)], 2, ForecastCriterion.Mape);

        var selection = selector.Select([10, 20, 10, 20, 10, 20], 2);

        Assert.Equal("seasonalNaive", selection.Method);
        Assert.Equal(0, selection.Mape);
        Assert.Equal([10.0, 20], selection.Values);
    }

    [Fact]
    public void Mape_ignores_zero_actuals()
    {
        Assert.Equal(0.5, ForecastErrors.Mape([0, 10], [5, 15]), 9);
        Assert.True(double.IsNaN(ForecastErrors.Mape([0], [1])));
    }
}
