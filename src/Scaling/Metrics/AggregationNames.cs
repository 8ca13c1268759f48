namespace Autoscaler.Scaling.Metrics;

/// <summary>Maps the lower-case names used in policy documents (`avg`, `p95`, ...) to <see cref="Aggregation"/>.</summary>
public static class AggregationNames
{
    /// <summary>Every accepted name, in the order of <see cref="Aggregation"/>.</summary>
    public static IReadOnlyList<string> All { get; } = ["avg", "min", "max", "sum", "count", "rate", "p50", "p90", "p95", "p99"];

    /// <summary>Parses a name (case-sensitive; `average` and `mean` are accepted for `avg`).</summary>
    public static bool TryParse(string? name, out Aggregation aggregation)
    {
        aggregation = name switch
        {
            "avg" or "average" or "mean" => Aggregation.Avg,
            "min" => Aggregation.Min,
            "max" => Aggregation.Max,
            "sum" => Aggregation.Sum,
            "count" => Aggregation.Count,
            "rate" => Aggregation.Rate,
            "p50" or "median" => Aggregation.P50,
            "p90" => Aggregation.P90,
            "p95" => Aggregation.P95,
            "p99" => Aggregation.P99,
            _ => (Aggregation)(-1),
        };
        return aggregation >= 0;
    }

    /// <summary>The document name of an aggregation.</summary>
    public static string Name(Aggregation aggregation) => All[(int)aggregation];
}
