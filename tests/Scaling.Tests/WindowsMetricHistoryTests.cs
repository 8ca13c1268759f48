using Autoscaler.Scaling.Windows;

namespace Autoscaler.Scaling.Tests;

public sealed class WindowsMetricHistoryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Points_are_step_means_and_the_current_step_is_excluded()
    {
        var history = MetricHistory.Hourly14Days();
        history.Record(T0.AddMinutes(10), 10);
        history.Record(T0.AddMinutes(50), 30);
        history.Record(T0.AddHours(1).AddMinutes(5), 40);
        history.Record(T0.AddHours(2).AddMinutes(5), 99);

        var series = history.Series(T0.AddHours(2).AddMinutes(30));

        Assert.Equal(T0, series.Start);
        Assert.Equal([20.0, 40.0], series.Values);
        Assert.Equal(T0.AddHours(2), series.End);
    }

    [Fact]
    public void Gaps_are_linearly_interpolated()
    {
        var history = MetricHistory.Hourly14Days();
        history.Record(T0, 10);
        history.Record(T0.AddHours(3), 40);

        Assert.Equal([10.0, 20.0, 30.0, 40.0], history.Series(T0.AddHours(4)).Values);
    }

    [Fact]
    public void Older_than_the_horizon_is_dropped_and_ring_keeps_capacity_points()
    {
        var history = new MetricHistory(TimeSpan.FromHours(1), 3);
        for (var h = 0; h < 5; h++)
        {
            history.Record(T0.AddHours(h), h);
        }

        Assert.False(history.Record(T0, 1));
        Assert.Equal([2.0, 3.0, 4.0], history.Series(T0.AddHours(5)).Values);
    }

    [Fact]
    public void Empty_history_gives_an_empty_series()
    {
        Assert.Empty(MetricHistory.Hourly14Days().Series(T0).Values);
    }
}
