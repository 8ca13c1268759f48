using Autoscaler.Scaling.Metrics;

namespace Autoscaler.Scaling.Json;

/// <summary>Field readers shared by the threshold and weighted-score parsers.</summary>
internal static class PolicyFieldReaders
{
    /// <summary>An aggregation name (default `avg`).</summary>
    public static Aggregation Aggregation(JsonFields fields, string name)
    {
        var text = fields.OptionalString(name) ?? "avg";
        return AggregationNames.TryParse(text, out var aggregation)
            ? aggregation
            : throw fields.Error(name, $"must be one of {string.Join(", ", AggregationNames.All)}, not \"{text}\"");
    }
}
