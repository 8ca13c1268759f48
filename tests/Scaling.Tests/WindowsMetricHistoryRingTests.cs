using System.Text.Json;
using Autoscaler.Scaling.Metrics;
using Autoscaler.Scaling.Windows;
using CsCheck;

namespace Autoscaler.Scaling.Tests;

/// <summary>
/// <see cref="MetricHistory"/>'s growing ring against a plain model of its contract (a step is the mean of what was
/// recorded in it; steps at or before head − capacity are gone), and its memory: young histories hold few steps.
/// </summary>
public sealed class WindowsMetricHistoryRingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Hours at which to record (in any order: late, old, far-ahead) and the values; NaN now and then.</summary>
    private static readonly Gen<(int Capacity, (int Hour, double Value)[] Points, int[] Queries)> Runs =
        Gen.Select(
            Gen.Int[2, 40],
            Gen.Select(Gen.Int[0, 200], Gen.OneOf(Gen.Double[-50, 500], Gen.Const(double.NaN))).Array[0, 120],
            Gen.Int[0, 260].Array[1, 8]);

    [Fact]
    public void The_ring_answers_as_the_model_whatever_the_order_of_the_points()
    {
        Runs.Sample(run =>
        {
            var history = new MetricHistory(TimeSpan.FromHours(1), run.Capacity);
            var model = new Model(run.Capacity);
            foreach (var (hour, value) in run.Points)
            {
                var at = T0.AddHours(hour).AddMinutes(hour % 60);
                Assert.Equal(model.Record(hour, value), history.Record(at, value));
                Assert.InRange(history.AllocatedSteps, 0, run.Capacity);
            }

            foreach (var hour in run.Queries)
            {
                AssertSeries(model, hour, history.Series(T0.AddHours(hour).AddMinutes(30)));
            }
        });
    }

    [Fact]
    public void A_restored_ring_answers_as_the_model_and_keeps_doing_so()
    {
        Gen.Select(Runs, Gen.Select(Gen.Int[0, 260], Gen.Double[0, 100]).Array[0, 60]).Sample((run, after) =>
        {
            var model = new Model(run.Capacity);
            var original = new MetricHistory(TimeSpan.FromHours(1), run.Capacity);
            foreach (var (hour, value) in run.Points)
            {
                model.Record(hour, value);
                original.Record(T0.AddHours(hour), value);
            }

            var json = JsonSerializer.Serialize(original.Snapshot());
            var restored = MetricHistory.Restore(JsonSerializer.Deserialize<MetricHistorySnapshot>(json)!);
            foreach (var (hour, value) in after)
            {
                Assert.Equal(model.Record(hour, value), restored.Record(T0.AddHours(hour), value));
            }

            foreach (var hour in run.Queries)
            {
                AssertSeries(model, hour, restored.Series(T0.AddHours(hour).AddMinutes(30)));
            }
        });
    }

    [Fact]
    public void A_young_history_holds_a_few_steps_and_a_full_one_exactly_its_capacity()
    {
        var history = MetricHistory.Hourly14Days();
        Assert.Equal(0, history.AllocatedSteps);

        for (var minute = 0; minute < 60; minute += 15)
        {
            history.Record(T0.AddMinutes(minute), 1);
        }

        Assert.Equal(4, history.AllocatedSteps);

        for (var hour = 1; hour < 14 * 24 * 2; hour++)
        {
            history.Record(T0.AddHours(hour), hour);
        }

        Assert.Equal(14 * 24, history.AllocatedSteps);
        Assert.Equal(14 * 24, history.Series(T0.AddHours(14 * 24 * 2)).Values.Count);
    }

    [Fact]
    public void A_late_point_inside_the_horizon_grows_the_ring_to_reach_it()
    {
        var history = new MetricHistory(TimeSpan.FromHours(1), 48);
        history.Record(T0.AddHours(40), 4);
        history.Record(T0.AddHours(10), 1);

        Assert.Equal(31, history.Series(T0.AddHours(41)).Values.Count);
        Assert.InRange(history.AllocatedSteps, 31, 48);
        Assert.False(history.Record(T0.AddHours(-8), 1));
    }

    [Fact]
    public void A_snapshot_listing_steps_that_left_the_horizon_restores_without_them()
    {
        // The index-stamped ring this one replaced could list a step it had not overwritten yet after it left the horizon.
        var snapshot = new MetricHistorySnapshot(TimeSpan.FromHours(1).Ticks, 3, Head: 105, Epochs: [101, 102, 104, 105], Sums: [9, 9, 4, 5], Counts: [1, 1, 1, 1]);

        var restored = MetricHistory.Restore(snapshot);

        Assert.Equal([104L, 105L], restored.Snapshot().Epochs);
        Assert.Equal([4.0], restored.Series(new DateTimeOffset(105 * TimeSpan.TicksPerHour, TimeSpan.Zero)).Values);
    }

    private static void AssertSeries(Model model, int nowHour, HistorySeries actual)
    {
        var (first, values) = model.Series(nowHour);
        Assert.Equal(values, actual.Values);
        if (values.Length > 0)
        {
            Assert.Equal(T0.AddHours(first), actual.Start);
        }
    }

    /// <summary>The contract, kept naively: every step's sum and count by hour, and the newest hour recorded.</summary>
    private sealed class Model(int capacity)
    {
        private readonly Dictionary<int, (double Sum, int Count)> _steps = [];
        private int? _head;

        public bool Record(int hour, double value)
        {
            if (!double.IsFinite(value) || (_head is { } head && hour <= head - capacity))
            {
                return false;
            }

            _head = Math.Max(_head ?? hour, hour);
            var (sum, count) = _steps.GetValueOrDefault(hour);
            _steps[hour] = (sum + value, count + 1);
            return true;
        }

        public (int First, double[] Values) Series(int nowHour)
        {
            var present = Enumerable.Range(nowHour - capacity, capacity)
                .Where(h => _head is { } head && h <= head && h > head - capacity && _steps.ContainsKey(h))
                .ToList();
            if (present.Count == 0)
            {
                return (0, []);
            }

            var values = new double[present[^1] - present[0] + 1];
            var previous = -1;
            for (var i = 0; i < values.Length; i++)
            {
                if (!present.Contains(present[0] + i))
                {
                    continue;
                }

                var (sum, count) = _steps[present[0] + i];
                values[i] = sum / count;
                for (var gap = previous + 1; gap < i; gap++)
                {
                    values[gap] = values[previous] + ((double)(gap - previous) / (i - previous) * (values[i] - values[previous]));
                }

                previous = i;
            }

            return (present[0], values);
        }
    }
}
