using System.Text.Json;
using Autoscaler.Scaling.Metrics;
using Autoscaler.Scaling.Tests.Reference;
using Autoscaler.Scaling.Windows;
using CsCheck;

namespace Autoscaler.Scaling.Tests;

/// <summary>
/// The compact bucket ring (32-bit relative index and timestamp offsets, histogram rows packed in one array) answers every
/// query exactly as the earlier full-width layout (<see cref="ReferenceBucketRing"/>) does, for random sample streams
/// (late, re-delivered, tied, negative, tiny and huge values), and reads the snapshots that layout wrote.
/// </summary>
public sealed class WindowsCompactRingTests
{
    private static readonly long T0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;

    /// <summary>Bucket widths and slot counts: narrow (timestamps as 32-bit offsets) and wide (10-minute buckets keep 64 bits).</summary>
    private static readonly (long Width, int Slots)[] Shapes =
    [
        (TimeSpan.FromSeconds(10).Ticks, 6),
        (TimeSpan.FromMinutes(1).Ticks, 60),
        (TimeSpan.FromMinutes(10).Ticks, 3),
        (TimeSpan.FromSeconds(1).Ticks, 1),
    ];

    private static readonly Gen<double> Values = Gen.OneOf(
        Gen.Double[-5, 20],
        Gen.Double[1e-6, 1e12],
        Gen.Int[0, 12].Select(i => i * 0.5),
        Gen.Const(0.0));

    /// <summary>An operation: kind 0–5 adds, 6 replaces an earlier sample; a timestamp in seconds plus a few ticks.</summary>
    private static readonly Gen<(int Kind, int Second, int Tick, double Value)[]> Operations =
        Gen.Select(Gen.Int[0, 6], Gen.Int[0, 2400], Gen.Int[0, 2], Values).Array[1, 400];

    private static readonly Aggregation[] AllAggregations = Enum.GetValues<Aggregation>();

    [Fact]
    public void Random_streams_give_the_same_answers_and_snapshots_as_the_full_width_layout()
    {
        Gen.Select(Gen.Int[0, Shapes.Length - 1], Operations, Gen.Int[-600, 3000].Array[6]).Sample((shape, operations, nows) =>
        {
            var (width, slots) = Shapes[shape];
            var reference = new ReferenceBucketRing(width, slots);
            var compact = new BucketRing(width, slots);
            var added = new List<(long Ticks, double Value)>();
            foreach (var (kind, second, tick, value) in operations)
            {
                var ticks = T0 + TimeSpan.FromSeconds(second).Ticks + tick;
                Assert.Equal(reference.Accepts(ticks), compact.Accepts(ticks));
                if (kind == 6 && added.Count > 0)
                {
                    var pick = second % added.Count;
                    if (reference.Accepts(added[pick].Ticks))
                    {
                        reference.Replace(added[pick].Ticks, added[pick].Value, value);
                        compact.Replace(added[pick].Ticks, added[pick].Value, value);
                        added[pick] = (added[pick].Ticks, value);
                    }
                }
                else if (reference.Accepts(ticks))
                {
                    reference.Add(ticks, value);
                    compact.Add(ticks, value);
                    added.Add((ticks, value));
                }
            }

            AssertSameAnswers(reference, compact, width, slots, nows);
            var snapshot = reference.Snapshot();
            AssertSameSnapshot(snapshot, compact.Snapshot());

            // The earlier layout's snapshot, after a trip through JSON, restores to the same answers as that layout
            // restoring it. (The runtime's shortest double text does not read back exactly for some powers of two, e.g.
            // -2^-25 prints as -2.980232238769531E-08, one unit in the last place away, so the deserialised snapshot, not
            // the original, is what both restore from.)
            var stored = JsonSerializer.Deserialize<BucketsSnapshot>(JsonSerializer.Serialize(snapshot))!;
            var referenceRestored = new ReferenceBucketRing(width, slots);
            referenceRestored.Restore(stored);
            var restored = new BucketRing(width, slots);
            restored.Restore(stored);
            AssertSameAnswers(referenceRestored, restored, width, slots, nows);
            AssertSameSnapshot(referenceRestored.Snapshot(), restored.Snapshot());
        });
    }

    [Fact]
    public void A_bin_count_past_16_bits_halves_the_row_as_before()
    {
        var width = TimeSpan.FromMinutes(1).Ticks;
        var reference = new ReferenceBucketRing(width, 4);
        var compact = new BucketRing(width, 4);
        for (var i = 0; i < 70_000; i++)
        {
            var value = i % 7 == 0 ? 40.0 + (i % 5) : 3.0;
            reference.Add(T0 + (i % 600), value);
            compact.Add(T0 + (i % 600), value);
        }

        AssertSameAnswers(reference, compact, width, 4, [0, 30, 59]);
        AssertSameSnapshot(reference.Snapshot(), compact.Snapshot());
    }

    [Fact]
    public void A_sample_more_than_two_to_the_31_buckets_ahead_moves_the_origin_and_answers_from_the_new_head()
    {
        var width = TimeSpan.FromMinutes(1).Ticks;
        var compact = new BucketRing(width, 60);
        compact.Add(T0, 5);
        var later = T0 + ((1L << 31) + 10) * width;
        compact.Add(later, 7);
        compact.Add(later + width, 9);

        Assert.Equal(new WindowAggregate(2, 2), compact.Aggregate(Aggregation.Count, 60 * width, later + width));
        Assert.Equal(new WindowAggregate(9, 2), compact.Aggregate(Aggregation.Max, 60 * width, later + width));
        Assert.Equal([(later / width), (later / width) + 1], compact.Snapshot().Epochs);
    }

    [Fact]
    public void A_snapshot_whose_bins_lie_outside_the_histogram_is_refused_naming_the_field()
    {
        var snapshot = new BucketsSnapshot(10, [10], [1], [1], [1], [1], [10 * 60], [1], [10 * 60], [1], [LogHistogram.BinCount - 1], [2], [1, 1]);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new BucketRing(60, 4).Restore(snapshot));
        Assert.Contains("BinStarts", error.Message, StringComparison.Ordinal);
    }

    private static void AssertSameAnswers(ReferenceBucketRing reference, BucketRing compact, long width, int slots, int[] nowSeconds)
    {
        var windows = new[] { width, width * Math.Max(1, slots / 2), width * slots, width * slots * 2 };
        foreach (var second in nowSeconds)
        {
            var now = T0 + TimeSpan.FromSeconds(second).Ticks;
            foreach (var window in windows)
            {
                foreach (var aggregation in AllAggregations)
                {
                    Assert.Equal(reference.Aggregate(aggregation, window, now), compact.Aggregate(aggregation, window, now));
                }
            }
        }
    }

    private static void AssertSameSnapshot(BucketsSnapshot expected, BucketsSnapshot actual)
    {
        Assert.Equal(expected.Head, actual.Head);
        Assert.Equal(expected.Epochs, actual.Epochs);
        Assert.Equal(expected.Counts, actual.Counts);
        Assert.Equal(expected.Sums, actual.Sums);
        Assert.Equal(expected.Mins, actual.Mins);
        Assert.Equal(expected.Maxes, actual.Maxes);
        Assert.Equal(expected.FirstTicks, actual.FirstTicks);
        Assert.Equal(expected.FirstValues, actual.FirstValues);
        Assert.Equal(expected.LastTicks, actual.LastTicks);
        Assert.Equal(expected.LastValues, actual.LastValues);
        Assert.Equal(expected.BinStarts, actual.BinStarts);
        Assert.Equal(expected.BinLengths, actual.BinLengths);
        Assert.Equal(expected.Bins, actual.Bins);
    }
}
