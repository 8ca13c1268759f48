using System.Text.Json;
using Autoscaler.Scaling.Metrics;
using Autoscaler.Scaling.Windows;
using CsCheck;

namespace Autoscaler.Scaling.Tests;

/// <summary>
/// A snapshot, through JSON, restores a window and a history exactly: every aggregation, instance reading and staleness
/// answer is equal before and after, and the restored copy goes on to answer like the original when fed the same samples.
/// </summary>
public sealed class WindowsSnapshotTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // Small bounds so that ring wrap-around, instance eviction, re-deliveries and removals all happen.
    private static readonly MetricWindowOptions Shape = new(TimeSpan.FromMinutes(10), 20, TimeSpan.FromSeconds(90), 6);

    private static readonly Gen<Op> Ops = Gen.Select(Gen.Int[0, 9], Gen.Int[0, 1_800], Gen.Double[-50, 5_000], Gen.Int[0, 12])
        .Select((instance, second, value, kind) => new Op(instance, second, value, kind));

    private static readonly Gen<(Op[] Before, Op[] After)> Runs = Gen.Select(Ops.Array[0, 250], Ops.Array[0, 60]);

    [Fact]
    public void A_restored_window_answers_exactly_like_the_original_and_keeps_doing_so()
    {
        Runs.Sample(run =>
        {
            var original = new MetricWindow(Shape);
            Apply(original, run.Before);
            var restored = MetricWindow.Restore(RoundTrip(original.Snapshot()));

            AssertSame(original, restored);
            Apply(original, run.After);
            Apply(restored, run.After);
            AssertSame(original, restored);
        });
    }

    [Fact]
    public void A_restored_history_gives_the_same_series_and_keeps_doing_so()
    {
        var points = Gen.Select(Gen.Int[0, 400], Gen.Double[-10, 1_000]).Array[0, 200];
        Gen.Select(points, points).Sample((before, after) =>
        {
            var original = new MetricHistory(TimeSpan.FromHours(1), 48);
            Feed(original, before);
            var restored = MetricHistory.Restore(RoundTrip(original.Snapshot()));
            AssertSameSeries(original, restored);
            Feed(original, after);
            Feed(restored, after);
            AssertSameSeries(original, restored);
        });
    }

    [Fact]
    public void An_empty_window_round_trips()
    {
        var restored = MetricWindow.Restore(RoundTrip(new MetricWindow(Shape).Snapshot()));

        Assert.Equal(0, restored.InstanceCount);
        Assert.Equal(0, restored.Aggregate(Aggregation.Count, TimeSpan.FromMinutes(10), T0).Value);
    }

    [Fact]
    public void A_busy_one_hour_window_holds_and_persists_in_under_16_KB()
    {
        // The default shape (1 h, 60 buckets, ≈55 KB in memory) fed by 10 agents at 1 Hz for an hour.
        var window = new MetricWindow();
        var random = new Random(7);
        for (var second = 0; second < 3_600; second++)
        {
            for (var agent = 0; agent < 10; agent++)
            {
                window.Record($"agent-{agent}", T0.AddSeconds(second), 40 + (random.NextDouble() * 50), 100);
            }
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(window.Snapshot());

        Assert.InRange(json.Length, 1, 16 * 1024);
        Assert.InRange(window.RetainedBytes, 1, 16 * 1024);
    }

    private static T RoundTrip<T>(T snapshot) =>
        JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(snapshot)) ?? throw new InvalidOperationException("null snapshot");

    private static void Apply(MetricWindow window, IEnumerable<Op> ops)
    {
        foreach (var op in ops)
        {
            var id = $"i{op.Instance}";
            if (op.Kind == 0)
            {
                window.RemoveInstance(id);
            }
            else
            {
                // Whole seconds make re-deliveries (same instance and timestamp) common.
                window.Record(id, T0.AddSeconds(op.Second), op.Value, op.Kind % 3 == 0 ? null : op.Value * 2, ready: op.Kind != 1);
            }
        }
    }

    private static void Feed(MetricHistory history, IEnumerable<(int Minute, double Value)> points)
    {
        foreach (var (minute, value) in points)
        {
            history.Record(T0.AddMinutes(minute * 10), value);
        }
    }

    private static void AssertSame(MetricWindow expected, MetricWindow actual)
    {
        Assert.Equal(expected.InstanceCount, actual.InstanceCount);
        Assert.Equal(expected.DroppedSamples, actual.DroppedSamples);
        foreach (var second in new[] { 0, 299, 600, 901, 1_200, 1_799, 1_800, 2_400, 4_000 })
        {
            var now = T0.AddSeconds(second);
            foreach (var aggregation in Enum.GetValues<Aggregation>())
            {
                foreach (var span in new[] { TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10) })
                {
                    Assert.Equal(expected.Aggregate(aggregation, span, now), actual.Aggregate(aggregation, span, now));
                }
            }

            for (var i = 0; i < expected.InstanceCount; i++)
            {
                Assert.Equal(expected.GetInstance(i, now), actual.GetInstance(i, now));
            }

            Assert.Equal(expected.CurrentTotal(now), actual.CurrentTotal(now));
        }
    }

    private static void AssertSameSeries(MetricHistory expected, MetricHistory actual)
    {
        foreach (var hours in new[] { 0, 10, 40, 70, 100 })
        {
            var (a, b) = (expected.Series(T0.AddHours(hours)), actual.Series(T0.AddHours(hours)));
            Assert.Equal(a.Start, b.Start);
            Assert.Equal(a.Values, b.Values);
        }
    }

    private sealed record Op(int Instance, int Second, double Value, int Kind);
}
