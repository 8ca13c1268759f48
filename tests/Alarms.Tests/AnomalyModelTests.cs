using Autoscaler.Alarms.Anomaly;
using Autoscaler.Alarms.Evaluation;
using Autoscaler.Alarms.Model;

namespace Autoscaler.Alarms.Tests;

/// <summary>
/// The anomaly model on synthetic series: a daily cycle, a weekend dip and Gaussian noise, with outliers in the training
/// data and anomalies injected into the days it judges. It must find every injected anomaly and raise few alarms on clean
/// data; it must not judge before it has a day of history.
/// </summary>
public sealed class AnomalyModelTests
{
    private const double Noise = 5;
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero); // a Monday
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private static double Clean(DateTimeOffset at)
    {
        var weekend = at.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? -60 : 0;
        return 200 + (80 * Math.Sin(2 * Math.PI * (at.Hour - 6) / 24.0)) + weekend;
    }

    private static double[] Series(int hours, int seed, double noise = Noise)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, hours).Select(i => Clean(Start + (Hour * i)) + (noise * Gaussian(random)))];
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Fact]
    public void It_finds_injected_anomalies_and_stays_quiet_on_clean_hours()
    {
        var history = Series(14 * 24, seed: 1);
        foreach (var outlier in new[] { 30, 100, 170, 250, 300 })
        {
            history[outlier] += 300; // outliers in the training data must not bend the model
        }

        var model = AnomalyModel.Fit(history, Start, Hour)!;
        var future = Series(24 * 7, seed: 2);
        var injected = new Dictionary<int, double> { [5] = 60, [20] = -60, [33] = 45, [50] = -45, [77] = 80, [140] = 50 };
        foreach (var (hour, delta) in injected)
        {
            future[hour] += delta;
        }

        var flagged = Enumerable.Range(0, future.Length).Where(i =>
        {
            var band = model.Band(Start + (Hour * ((14 * 24) + i)), width: 3);
            return future[i] < band.Lower || future[i] > band.Upper;
        }).ToHashSet();

        Assert.True(model.Weekly);
        Assert.Subset(flagged, injected.Keys.ToHashSet());
        var falseAlarms = flagged.Count(i => !injected.ContainsKey(i));
        Assert.True(falseAlarms <= 3, $"{falseAlarms} false alarms in {future.Length - injected.Count} clean hours (σ = {model.Sigma:0.00})");
    }

    [Fact]
    public void The_band_follows_the_daily_cycle_and_the_weekend()
    {
        var model = AnomalyModel.Fit(Series(14 * 24, seed: 3), Start, Hour)!;
        var monday = Start.AddDays(14);

        Assert.InRange(model.Expected(monday.AddHours(12)) - Clean(monday.AddHours(12)), -10, 10);
        Assert.InRange(model.Expected(monday.AddHours(0)) - Clean(monday.AddHours(0)), -10, 10);
        Assert.InRange(model.Expected(monday.AddDays(5).AddHours(12)) - Clean(monday.AddDays(5).AddHours(12)), -15, 15);
        Assert.InRange(model.Sigma, Noise * 0.6, Noise * 2);
    }

    [Fact]
    public void It_does_not_judge_before_a_day_of_history()
    {
        Assert.Null(AnomalyModel.Fit(Series(20, seed: 4), Start, Hour));
        var withGaps = Series(48, seed: 4);
        for (var i = 0; i < 30; i++)
        {
            withGaps[i] = double.NaN;
        }

        Assert.Null(AnomalyModel.Fit(withGaps, Start, Hour));
        var day = AnomalyModel.Fit(Series(24, seed: 4), Start, Hour);
        Assert.NotNull(day);
        Assert.False(day.Weekly);
    }

    [Fact]
    public void A_level_shift_moves_the_band_within_a_day()
    {
        var history = Series(10 * 24, seed: 5);
        for (var i = history.Length - 24; i < history.Length; i++)
        {
            history[i] += 100;
        }

        var model = AnomalyModel.Fit(history, Start, Hour)!;
        var next = Start.AddDays(10).AddHours(12);

        Assert.InRange(model.Expected(next) - (Clean(next) + 100), -20, 20);
    }

    [Fact]
    public void A_flat_series_still_has_a_band()
    {
        var model = AnomalyModel.Fit(Enumerable.Repeat(100.0, 48).ToArray(), Start, Hour)!;
        var band = model.Band(Start.AddDays(2), 2);

        Assert.True(band.Lower < 100 && band.Upper > 100 && band.Upper < 102);
    }

    [Fact]
    public void An_anomaly_alarm_reports_the_bands_it_compared_against()
    {
        var history = Series(14 * 24, seed: 6);
        var model = AnomalyModel.Fit(history, Start, Hour)!;
        var spec = new MetricSpec("requests", AlarmStatistic.Average, 3600,
            new MetricAlarmRule(ComparisonOperator.GreaterThanUpperThreshold, 0, 2, 2), BandWidth: 2);
        var end = Start.AddDays(14).AddHours(3);
        double[] datapoints = [Clean(end.AddHours(-3)), Clean(end.AddHours(-2)) + 100, Clean(end.AddHours(-1)) + 100];

        var result = AlarmCheck.Run(spec, AlarmState.Ok, datapoints, model, end);

        Assert.Equal(AlarmState.Alarm, result.Outcome.State);
        Assert.Equal(3, result.Bands!.Count);
        Assert.StartsWith("Thresholds Crossed: 2 out of the last 2 datapoints [", result.Reason, StringComparison.Ordinal);
        Assert.Contains("were greater than the upper thresholds [", result.Reason, StringComparison.Ordinal);
        var notReady = AlarmCheck.Run(spec, AlarmState.Ok, datapoints, model: null, end);
        Assert.Equal((AlarmState.InsufficientData, OutcomeKind.ModelNotReady), (notReady.Outcome.State, notReady.Outcome.Kind));
    }
}
