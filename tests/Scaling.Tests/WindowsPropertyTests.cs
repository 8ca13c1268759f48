using Autoscaler.Scaling.Metrics;
using Autoscaler.Scaling.Windows;
using CsCheck;

namespace Autoscaler.Scaling.Tests;

/// <summary>Invariants of <see cref="MetricWindow"/> over random sample sets.</summary>
public sealed class WindowsPropertyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Gen<(int Instance, int Second, double Value)[]> Samples =
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, 599], Gen.Double[0.01, 10_000]).Array[1, 300]
            .Select(samples => samples.DistinctBy(s => (s.Item1, s.Item2)).ToArray());

    private static MetricWindow Fill(IEnumerable<(int Instance, int Second, double Value)> samples)
    {
        var window = new MetricWindow(new MetricWindowOptions(TimeSpan.FromMinutes(10), 60, TimeSpan.FromMinutes(1), 16));
        foreach (var (instance, second, value) in samples)
        {
            window.Record($"i{instance}", T0.AddSeconds(second), value);
        }

        return window;
    }

    [Fact]
    public void Exact_aggregates_match_the_raw_samples()
    {
        Samples.Sample(samples =>
        {
            var window = Fill(samples);
            var now = T0.AddSeconds(599);
            var span = TimeSpan.FromMinutes(10);

            Assert.Equal(samples.Length, window.Aggregate(Aggregation.Count, span, now).Value);
            // Summation order differs (per bucket, then across buckets): compare relative to the magnitude, not to a decimal place.
            var exactSum = samples.Sum(s => s.Value);
            Assert.Equal(exactSum, window.Aggregate(Aggregation.Sum, span, now).Value, 1e-9 * Math.Max(1, Math.Abs(exactSum)));
            Assert.Equal(samples.Min(s => s.Value), window.Aggregate(Aggregation.Min, span, now).Value);
            Assert.Equal(samples.Max(s => s.Value), window.Aggregate(Aggregation.Max, span, now).Value);
        });
    }

    [Fact]
    public void Percentiles_are_within_the_relative_error_and_the_exact_range()
    {
        Samples.Sample(samples =>
        {
            var window = Fill(samples);
            var sorted = samples.Select(s => s.Value).Order().ToArray();
            foreach (var (aggregation, q) in new[] { (Aggregation.P50, 0.5), (Aggregation.P90, 0.9), (Aggregation.P99, 0.99) })
            {
                var exact = sorted[(int)Math.Ceiling(q * sorted.Length) - 1];
                var estimate = window.Aggregate(aggregation, TimeSpan.FromMinutes(10), T0.AddSeconds(599)).Value;
                Assert.InRange(estimate, sorted[0], sorted[^1]);
                Assert.InRange(Math.Abs(estimate - exact) / exact, 0, LogHistogram.RelativeError + 1e-9);
            }
        });
    }

    [Fact]
    public void Arrival_order_never_changes_count_min_max_or_percentiles()
    {
        Gen.Select(Samples, Gen.Int).Sample((samples, seed) =>
        {
            var shuffled = samples.ToArray();
            new Random(seed).Shuffle(shuffled);
            var a = Fill(samples);
            var b = Fill(shuffled);
            var now = T0.AddSeconds(599);
            foreach (var aggregation in new[] { Aggregation.Count, Aggregation.Min, Aggregation.Max, Aggregation.P95, Aggregation.Rate })
            {
                Assert.Equal(a.Aggregate(aggregation, TimeSpan.FromMinutes(5), now), b.Aggregate(aggregation, TimeSpan.FromMinutes(5), now));
            }
        });
    }
}
