using Autoscaler.Scaling.Explanations;
using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Policies;
using Autoscaler.Scaling.Windows;
using BenchmarkDotNet.Attributes;

namespace Autoscaler.Scaling.Benchmarks;

/// <summary>
/// A predictive policy over a full 14-day hourly history (336 points, daily season): evaluated again within the hour
/// (the forecast is reused while the series is unchanged) and with the forecast made afresh (what a new history point
/// costs: backtests of three methods and a Holt-Winters grid search).
/// </summary>
[MemoryDiagnoser]
public class PredictiveBenchmarks
{
    private readonly ExplanationWriter _explanation = new();
    private PolicyContext _context = null!;
    private PredictivePolicy _policy = null!;

    [GlobalSetup]
    public void Setup()
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var history = MetricHistory.Hourly14Days();
        for (var hour = 0; hour < 14 * 24; hour++)
        {
            history.Record(start.AddHours(hour), 1000 + (500 * Math.Sin(2 * Math.PI * (hour % 24) / 24)) + (hour % 7));
        }

        var now = start.AddDays(14).AddMinutes(20);
        var query = new WindowMetricQuery().Add("requests", new MetricWindow(), history);
        _policy = new PredictivePolicy(
            "forecast", "requests", 50, PredictiveMode.ForecastAndScale, 600, MaxCapacityBreachBehavior.HonorMaxCapacity, 0, 3600, 24);
        _context = new PolicyContext(now, new ScaleTarget(20, 1, 100), query.Readings(now), new ScalingHistory([], []), query);
    }

    /// <summary>Evaluated again with the history unchanged (every evaluation but the first of each hour).</summary>
    [Benchmark]
    public int ProposePredictiveReused() => Propose(_policy);

    /// <summary>The forecast made afresh (a new policy instance has no forecast yet): the first evaluation of each hour.</summary>
    [Benchmark]
    public int ProposePredictiveFresh() => Propose(_policy with { });

    private int Propose(PredictivePolicy policy)
    {
        _explanation.Clear();
        return policy.Propose(_context, _explanation).Desired ?? 0;
    }
}
