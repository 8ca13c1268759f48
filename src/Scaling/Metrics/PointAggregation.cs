using Autoscaler.Scaling.Model;

namespace Autoscaler.Scaling.Metrics;

/// <summary>Aggregations over a short list of timestamped points (the offline evaluator's samples).</summary>
public static class PointAggregation
{
    /// <summary>
    /// Aggregates the points with <c>from &lt; At &lt;= to</c>. Percentiles use the nearest rank; <see cref="Aggregation.Rate"/>
    /// is (last - first) / seconds between them and needs two distinct timestamps.
    /// </summary>
    public static WindowAggregate Aggregate(IReadOnlyList<MetricPoint> points, Aggregation aggregation, DateTimeOffset from, DateTimeOffset to)
    {
        var count = 0;
        var sum = 0.0;
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        MetricPoint first = default;
        MetricPoint last = default;
        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i];
            if (point.At <= from || point.At > to)
            {
                continue;
            }

            if (count == 0 || point.At < first.At)
            {
                first = point;
            }

            if (count == 0 || point.At >= last.At)
            {
                last = point;
            }

            count++;
            sum += point.Value;
            min = Math.Min(min, point.Value);
            max = Math.Max(max, point.Value);
        }

        if (count == 0)
        {
            return aggregation == Aggregation.Count ? new WindowAggregate(0, 0) : WindowAggregate.Empty;
        }

        return aggregation switch
        {
            Aggregation.Avg => new WindowAggregate(sum / count, count),
            Aggregation.Min => new WindowAggregate(min, count),
            Aggregation.Max => new WindowAggregate(max, count),
            Aggregation.Sum => new WindowAggregate(sum, count),
            Aggregation.Count => new WindowAggregate(count, count),
            Aggregation.Rate => last.At > first.At
                ? new WindowAggregate((last.Value - first.Value) / (last.At - first.At).TotalSeconds, count)
                : WindowAggregate.Empty,
            Aggregation.P50 => Percentile(points, from, to, count, 50),
            Aggregation.P90 => Percentile(points, from, to, count, 90),
            Aggregation.P95 => Percentile(points, from, to, count, 95),
            Aggregation.P99 => Percentile(points, from, to, count, 99),
            _ => throw new ArgumentOutOfRangeException(nameof(aggregation), aggregation, "Unknown aggregation."),
        };
    }

    private static WindowAggregate Percentile(IReadOnlyList<MetricPoint> points, DateTimeOffset from, DateTimeOffset to, int count, int percent)
    {
        var values = new double[count];
        var n = 0;
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].At > from && points[i].At <= to)
            {
                values[n++] = points[i].Value;
            }
        }

        Array.Sort(values);
        var rank = (int)Math.Ceiling(percent / 100.0 * count);
        return new WindowAggregate(values[Math.Clamp(rank, 1, count) - 1], count);
    }
}
