using Autoscaler.Scaling.Metrics;
using Autoscaler.Scaling.Windows;

namespace Autoscaler.Scaling.Tests;

public sealed class WindowsMetricWindowTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static MetricWindow TenMinutesOfTenSecondBuckets() =>
        new(new MetricWindowOptions(TimeSpan.FromMinutes(10), 60, TimeSpan.FromSeconds(30), 8));

    [Theory]
    [InlineData(Aggregation.Avg, 25.0)]
    [InlineData(Aggregation.Min, 10.0)]
    [InlineData(Aggregation.Max, 40.0)]
    [InlineData(Aggregation.Sum, 100.0)]
    [InlineData(Aggregation.Count, 4.0)]
    public void Scalar_aggregations_are_exact(Aggregation aggregation, double expected)
    {
        var window = TenMinutesOfTenSecondBuckets();
        window.Record("a", T0, 10);
        window.Record("b", T0.AddSeconds(1), 20);
        window.Record("a", T0.AddSeconds(11), 30);
        window.Record("b", T0.AddSeconds(21), 40);

        var result = window.Aggregate(aggregation, TimeSpan.FromMinutes(1), T0.AddSeconds(30));

        Assert.Equal(expected, result.Value, 9);
        Assert.Equal(4, result.SampleCount);
    }

    [Fact]
    public void Query_covers_only_buckets_overlapping_the_window()
    {
        var window = TenMinutesOfTenSecondBuckets();
        window.Record("a", T0, 100);
        window.Record("a", T0.AddSeconds(60), 1);

        var lastTwenty = window.Aggregate(Aggregation.Max, TimeSpan.FromSeconds(20), T0.AddSeconds(65));

        Assert.Equal(1, lastTwenty.Value);
        Assert.Equal(1, lastTwenty.SampleCount);
    }

    [Fact]
    public void Rate_is_change_per_second_between_earliest_and_latest_sample()
    {
        var window = TenMinutesOfTenSecondBuckets();
        window.Record("queue", T0, 100);
        window.Record("queue", T0.AddSeconds(30), 160);
        window.Record("queue", T0.AddSeconds(60), 40);

        Assert.Equal(-1.0, window.Aggregate(Aggregation.Rate, TimeSpan.FromMinutes(2), T0.AddSeconds(60)).Value, 9);
        Assert.Equal(2.0, window.Aggregate(Aggregation.Rate, TimeSpan.FromMinutes(2), T0.AddSeconds(35)).Value, 9);
    }

    [Fact]
    public void Rate_needs_two_distinct_timestamps()
    {
        var window = TenMinutesOfTenSecondBuckets();
        window.Record("queue", T0, 100);

        Assert.False(window.Aggregate(Aggregation.Rate, TimeSpan.FromMinutes(1), T0).HasData);
    }

    [Fact]
    public void Empty_window_has_no_data_and_count_zero()
    {
        var window = TenMinutesOfTenSecondBuckets();

        Assert.False(window.Aggregate(Aggregation.Avg, TimeSpan.FromMinutes(1), T0).HasData);
        Assert.Equal(0, window.Aggregate(Aggregation.Count, TimeSpan.FromMinutes(1), T0).Value);
    }

    [Fact]
    public void Late_sample_inside_the_window_goes_to_its_own_bucket_without_moving_latest_value()
    {
        var window = TenMinutesOfTenSecondBuckets();
        window.Record("a", T0.AddSeconds(100), 50);

        Assert.Equal(RecordOutcome.Added, window.Record("a", T0.AddSeconds(5), 7));

        Assert.Equal(7, window.Aggregate(Aggregation.Max, TimeSpan.FromSeconds(10), T0.AddSeconds(9)).Value);
        Assert.Equal(50, window.GetInstance(0, T0.AddSeconds(100)).Value);
    }

    [Fact]
    public void Sample_older_than_the_window_is_dropped()
    {
        var window = TenMinutesOfTenSecondBuckets();
        window.Record("a", T0.AddMinutes(20), 1);

        Assert.Equal(RecordOutcome.TooOld, window.Record("a", T0, 1));
        Assert.Equal(1, window.DroppedSamples);
    }

    [Fact]
    public void Exact_duplicate_replaces_the_earlier_value()
    {
        var window = TenMinutesOfTenSecondBuckets();
        window.Record("a", T0, 10);
        window.Record("b", T0, 20);

        Assert.Equal(RecordOutcome.Replaced, window.Record("a", T0, 30));

        var sum = window.Aggregate(Aggregation.Sum, TimeSpan.FromMinutes(1), T0);
        Assert.Equal(50, sum.Value, 9);
        Assert.Equal(2, sum.SampleCount);
        Assert.Equal(30, window.GetInstance(0, T0).Value);
    }

    [Fact]
    public void Redelivered_batch_is_not_double_counted()
    {
        var window = TenMinutesOfTenSecondBuckets();
        for (var round = 0; round < 2; round++)
        {
            for (var s = 0; s < 4; s++)
            {
                window.Record("a", T0.AddSeconds(s), s);
            }
        }

        Assert.Equal(4, window.Aggregate(Aggregation.Count, TimeSpan.FromMinutes(1), T0.AddSeconds(5)).Value);
    }

    [Fact]
    public void Not_finite_values_are_rejected()
    {
        var window = TenMinutesOfTenSecondBuckets();

        Assert.Equal(RecordOutcome.NotFinite, window.Record("a", T0, double.NaN));
        Assert.Equal(0, window.InstanceCount);
    }

    [Fact]
    public void Instance_is_missing_once_its_latest_sample_is_older_than_the_staleness_limit()
    {
        var window = TenMinutesOfTenSecondBuckets();
        window.Record("a", T0, 10, request: 100, ready: false);

        var fresh = window.GetInstance(0, T0.AddSeconds(30));
        var stale = window.GetInstance(0, T0.AddSeconds(31));

        Assert.Equal(new InstanceReading("a", 10, 100, false, T0.UtcTicks, false), fresh);
        Assert.True(stale.Missing);
        Assert.True(double.IsNaN(window.CurrentTotal(T0.AddSeconds(31))));
    }

    [Fact]
    public void A_full_instance_table_refuses_a_new_instance_while_the_others_are_live_and_lets_a_stale_one_make_room()
    {
        var window = new MetricWindow(new MetricWindowOptions(TimeSpan.FromMinutes(10), 60, TimeSpan.FromSeconds(30), 2));
        window.Record("a", T0, 1);
        window.Record("b", T0.AddSeconds(1), 2);

        // Both live: a third instance is refused rather than pushing a live one out (issue 13: never silently replaced).
        Assert.Equal(RecordOutcome.TooManyInstances, window.Record("c", T0.AddSeconds(2), 3));
        Assert.Equal(RecordOutcome.TooManyInstances, window.Record("d", T0, 4));

        // "a" has been silent past the 30 s staleness limit: the least recently seen, stale, makes room.
        window.Record("b", T0.AddSeconds(31), 2);
        Assert.Equal(RecordOutcome.Added, window.Record("c", T0.AddSeconds(31), 3));

        Span<InstanceReading> readings = new InstanceReading[4];
        var count = window.CopyInstances(readings, T0.AddSeconds(31));
        Assert.Equal(["c", "b"], readings[..count].ToArray().Select(r => r.Id).ToArray());
    }

    [Fact]
    public void Removed_instance_is_no_longer_reported()
    {
        var window = TenMinutesOfTenSecondBuckets();
        window.Record("a", T0, 1);
        window.Record("b", T0, 2);

        Assert.True(window.RemoveInstance("a"));

        Assert.Equal(1, window.InstanceCount);
        Assert.Equal("b", window.GetInstance(0, T0).Id);
        Assert.Equal(2, window.CurrentTotal(T0));
    }

    [Fact]
    public void Arrival_order_does_not_change_the_answers()
    {
        var samples = Enumerable.Range(0, 600)
            .Select(i => (Id: $"i{i % 5}", At: T0.AddSeconds(i / 5), Value: (i * 37 % 101) + 0.5))
            .ToArray();
        var inOrder = TenMinutesOfTenSecondBuckets();
        var shuffled = TenMinutesOfTenSecondBuckets();
        foreach (var s in samples)
        {
            inOrder.Record(s.Id, s.At, s.Value);
        }

        foreach (var s in samples.OrderBy(s => (s.Value * 7919) % 13).ThenByDescending(s => s.At))
        {
            shuffled.Record(s.Id, s.At, s.Value);
        }

        var now = T0.AddSeconds(120);
        foreach (var aggregation in Enum.GetValues<Aggregation>())
        {
            var a = inOrder.Aggregate(aggregation, TimeSpan.FromMinutes(5), now);
            var b = shuffled.Aggregate(aggregation, TimeSpan.FromMinutes(5), now);
            Assert.Equal(a.SampleCount, b.SampleCount);
            Assert.Equal(a.Value, b.Value, 6);
        }
    }

    [Fact]
    public void Percentiles_stay_within_the_histogram_relative_error()
    {
        var window = TenMinutesOfTenSecondBuckets();
        var random = new Random(42);
        var values = new List<double>();
        for (var i = 0; i < 3000; i++)
        {
            var value = Math.Exp(random.NextDouble() * 12) * 0.01;
            values.Add(value);
            window.Record($"i{i % 8}", T0.AddMilliseconds(i * 100), value);
        }

        values.Sort();
        foreach (var (aggregation, q) in new[] { (Aggregation.P50, 0.5), (Aggregation.P90, 0.9), (Aggregation.P95, 0.95), (Aggregation.P99, 0.99) })
        {
            var exact = values[(int)Math.Ceiling(q * values.Count) - 1];
            var estimate = window.Aggregate(aggregation, TimeSpan.FromMinutes(10), T0.AddMinutes(5)).Value;
            Assert.InRange(Math.Abs(estimate - exact) / exact, 0, LogHistogram.RelativeError + 1e-9);
        }
    }

    [Fact]
    public void Percentile_of_values_outside_the_tracked_range_is_clamped_to_exact_bounds()
    {
        var window = TenMinutesOfTenSecondBuckets();
        window.Record("a", T0, 0);
        window.Record("b", T0, 5e12);

        Assert.Equal(0, window.Aggregate(Aggregation.P50, TimeSpan.FromMinutes(1), T0).Value);
        Assert.Equal(5e12, window.Aggregate(Aggregation.P99, TimeSpan.FromMinutes(1), T0).Value);
    }

    [Fact]
    public void Hour_window_of_ten_instances_at_one_hertz_fits_in_64_KB()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var window = new MetricWindow();
        var ids = Enumerable.Range(0, 10).Select(i => $"task-{i}").ToArray();
        var after = GC.GetAllocatedBytesForCurrentThread();
        for (var s = 0; s < 3600; s++)
        {
            foreach (var id in ids)
            {
                window.Record(id, T0.AddSeconds(s), 50 + (s % 40));
            }
        }

        Assert.InRange(window.RetainedBytes, 1, 64 * 1024);
        Assert.InRange(after - before, 1, 64 * 1024);
        Assert.Equal(36_000, window.Aggregate(Aggregation.Count, TimeSpan.FromHours(1), T0.AddSeconds(3599)).Value);
    }

    [Fact]
    public void Queries_allocate_nothing_in_steady_state()
    {
        var window = new MetricWindow();
        for (var s = 0; s < 600; s++)
        {
            window.Record("a", T0.AddSeconds(s), s);
        }

        var now = T0.AddSeconds(600);
        window.Aggregate(Aggregation.P95, TimeSpan.FromMinutes(5), now);

        // Steady state: the current bucket's histogram row has already grown to the spread of the values it receives.
        for (var i = 0; i < 1000; i++)
        {
            window.Record("a", now, i);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var total = 0.0;
        for (var i = 0; i < 1000; i++)
        {
            total += window.Aggregate((Aggregation)(i % 10), TimeSpan.FromMinutes(5), now).Value;
            window.Record("a", now, i);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(double.IsFinite(total));
    }
}
