using Autoscaler.Scaling.Model;

namespace Autoscaler.Scaling.Metrics;

/// <summary>Turns irregular points into the regular series forecasts read.</summary>
public static class PointSeries
{
    /// <summary>
    /// Means the points up to <paramref name="now"/> per <paramref name="step"/>, buckets aligned to the Unix epoch; empty
    /// buckets between data are linearly interpolated. Null when no point is at or before <paramref name="now"/>.
    /// </summary>
    public static HistorySeries? Resample(IReadOnlyList<MetricPoint> points, TimeSpan step, DateTimeOffset now)
    {
        var stepTicks = step.Ticks;
        long firstBucket = long.MaxValue;
        long lastBucket = long.MinValue;
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].At <= now)
            {
                var bucket = BucketOf(points[i].At, stepTicks);
                firstBucket = Math.Min(firstBucket, bucket);
                lastBucket = Math.Max(lastBucket, bucket);
            }
        }

        if (firstBucket == long.MaxValue)
        {
            return null;
        }

        var length = checked((int)(lastBucket - firstBucket + 1));
        var sums = new double[length];
        var counts = new int[length];
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].At <= now)
            {
                var index = (int)(BucketOf(points[i].At, stepTicks) - firstBucket);
                sums[index] += points[i].Value;
                counts[index]++;
            }
        }

        var values = new double[length];
        var previous = -1;
        for (var i = 0; i < length; i++)
        {
            if (counts[i] == 0)
            {
                continue;
            }

            values[i] = sums[i] / counts[i];
            for (var gap = previous + 1; previous >= 0 && gap < i; gap++)
            {
                var fraction = (double)(gap - previous) / (i - previous);
                values[gap] = values[previous] + (fraction * (values[i] - values[previous]));
            }

            previous = i;
        }

        var start = new DateTimeOffset((firstBucket * stepTicks) + DateTimeOffset.UnixEpoch.UtcTicks, TimeSpan.Zero);
        return new HistorySeries(start, step, values);
    }

    private static long BucketOf(DateTimeOffset at, long stepTicks)
    {
        var sinceEpoch = at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return sinceEpoch >= 0 ? sinceEpoch / stepTicks : ((sinceEpoch + 1) / stepTicks) - 1;
    }
}
