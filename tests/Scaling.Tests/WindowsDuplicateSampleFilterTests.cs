using Autoscaler.Scaling.Metrics;
using Autoscaler.Scaling.Windows;

namespace Autoscaler.Scaling.Tests;

public sealed class WindowsDuplicateSampleFilterTests
{
    private static readonly Dictionary<string, double> Cpu50 = new() { ["cpu"] = 50 };

    [Fact]
    public void A_redelivered_sample_is_dropped_and_counted_and_the_window_counts_it_once()
    {
        var filter = new DuplicateSampleFilter(64);
        var window = new MetricWindow();
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        // Ten samples of one instance, then all ten again (beyond the window's own four-sample memory).
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 10; i++)
            {
                var at = start.AddSeconds(i);
                if (filter.Admit("a1", at.UtcTicks, Cpu50))
                {
                    window.Record("a1", at, 50);
                }
            }
        }

        Assert.Equal(10, filter.Duplicates);
        Assert.Equal(10, window.Aggregate(Aggregation.Count, TimeSpan.FromMinutes(5), start.AddSeconds(10)).Value);
    }

    [Fact]
    public void Same_instance_and_time_with_other_content_is_not_a_duplicate()
    {
        var filter = new DuplicateSampleFilter(8);

        Assert.True(filter.Admit("a1", 1, Cpu50));
        Assert.True(filter.Admit("a1", 1, new Dictionary<string, double> { ["mem"] = 50 }));
        Assert.True(filter.Admit("a2", 1, Cpu50));
        Assert.False(filter.Admit("a1", 1, new Dictionary<string, double> { ["cpu"] = 50 }));
    }

    [Fact]
    public void Memory_is_bounded_the_oldest_key_is_forgotten_first()
    {
        var filter = new DuplicateSampleFilter(3);
        for (var t = 0; t < 4; t++)
        {
            Assert.True(filter.Admit("a1", t, Cpu50));
        }

        Assert.True(filter.Admit("a1", 0, Cpu50)); // pushed out by the fourth
        Assert.False(filter.Admit("a1", 3, Cpu50));
        Assert.Equal(3, filter.Capacity);
    }

    [Fact]
    public void Capacity_must_be_positive() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DuplicateSampleFilter(0));
}
