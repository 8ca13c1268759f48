using Autoscaler.Scaling.Forecasting;
using Autoscaler.Scaling.Metrics;
using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Policies;
using static Autoscaler.Scaling.Tests.PartsPolicyFixture;

namespace Autoscaler.Scaling.Tests;

/// <summary>A forecast is reused only while its inputs are the same, and a reused one is what a fresh selection makes.</summary>
public sealed class ForecastMemoTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static double[] Daily(int hours) =>
        [.. Enumerable.Range(0, hours).Select(h => 1000 + (500 * Math.Sin(2 * Math.PI * (h % 24) / 24)) + (h % 7))];

    private static HistorySeries Series(double[] values, DateTimeOffset? start = null) => new(start ?? Start, TimeSpan.FromHours(1), values);

    [Fact]
    public void The_same_series_and_horizon_reuse_the_forecast()
    {
        var memo = new ForecastMemo(ForecastSelector.Default(24));

        var first = memo.Select(Series(Daily(72)), 2);
        var second = memo.Select(Series(Daily(72)), 2);

        Assert.Same(first, second);
        Assert.Equal(1, memo.Computed);
    }

    public static TheoryData<string, HistorySeries, int> Changes()
    {
        var late = Daily(72);
        late[40] += 1;
        return new()
        {
            { "a late point changed a past step", Series(late), 2 },
            { "the series gained a point", Series(Daily(73)), 2 },
            { "the horizon moved", Series(Daily(72)), 3 },
            { "the series starts elsewhere", Series(Daily(72), Start.AddHours(1)), 2 },
        };
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public void A_change_in_any_input_forecasts_again_as_a_fresh_selection_would(string change, HistorySeries changed, int horizon)
    {
        var memo = new ForecastMemo(ForecastSelector.Default(24));
        memo.Select(Series(Daily(72)), 2);

        var again = memo.Select(changed, horizon);
        var fresh = ForecastSelector.Default(24).Select(changed.Values, horizon);

        Assert.True(memo.Computed == 2, change);
        Assert.Equal(fresh.Method, again.Method);
        Assert.Equal(fresh.Values, again.Values);
        Assert.Equal(fresh.Mae, again.Mae);
    }

    [Fact]
    public void A_predictive_policy_evaluated_through_the_hours_proposes_what_a_freshly_parsed_one_does()
    {
        const string Json = """{ "name": "forecast", "type": "predictive", "metric": "requests", "targetValue": 50, "mode": "ForecastAndScale", "schedulingBufferSeconds": 1800 }""";
        var kept = Parse(Json);
        var values = Daily(24 * 8);
        var evaluations = 0;

        for (var minutes = 0; minutes < 3 * 60; minutes += 7)
        {
            var now = Start.AddDays(7).AddMinutes(minutes);
            var recorded = (int)(now - Start).TotalHours; // complete hours before now, plus the running one
            var history = new Dictionary<string, IReadOnlyList<MetricPoint>>
            {
                ["requests"] = [.. Enumerable.Range(0, recorded + 1).Select(h => new MetricPoint(Start.AddHours(h), values[h]))],
            };

            var reused = kept.Propose(Context(10, history, now: now));
            var fresh = Parse(Json).Propose(Context(10, history, now: now));

            Assert.Equal(fresh.Desired, reused.Desired);
            Assert.Equal(fresh.Explanation, reused.Explanation);
            evaluations++;
        }

        Assert.Equal(26, evaluations);
        Assert.Equal(3, ForecastMemo.For(kept, () => throw new InvalidOperationException("the memo exists")).Computed);
    }
}
