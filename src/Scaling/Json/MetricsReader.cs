using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Validation;

namespace Autoscaler.Scaling.Json;

/// <summary>
/// Reads <c>metrics</c>: per metric either <c>instances</c> or one aggregate <c>value</c>, plus optional <c>samples</c>
/// (<c>[{"at", "value"}]</c>, an extension read by window aggregations and forecasts).
/// </summary>
public static class MetricsReader
{
    /// <summary>Reads the metrics map; absent means no metrics.</summary>
    public static IReadOnlyDictionary<string, MetricReading> Read(JsonFields root, string name = "metrics") =>
        root.OptionalMap(name, (_, fields) => ReadReading(fields)) ?? new Dictionary<string, MetricReading>(StringComparer.Ordinal);

    private static MetricReading ReadReading(JsonFields fields)
    {
        var hasValue = fields.Has("value");
        var value = fields.OptionalNumber("value");
        var instances = fields.OptionalArray("instances", ReadInstance);
        var samples = fields.OptionalArray("samples", ReadPoint);
        if (hasValue && instances is not null)
        {
            throw fields.Error("instances", "give either instances or value, not both");
        }

        if (!hasValue && instances is null && samples is null)
        {
            throw new ScalingInputException(fields.Path, "needs instances, value or samples");
        }

        if (instances is not null)
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < instances.Count; i++)
            {
                if (!ids.Add(instances[i].Id))
                {
                    throw new ScalingInputException(
                        FieldPath.Field(FieldPath.Item(fields.PathOf("instances"), i), "id"),
                        $"duplicate instance id \"{instances[i].Id}\"");
                }
            }
        }

        if (samples is not null)
        {
            for (var i = 1; i < samples.Count; i++)
            {
                if (samples[i].At < samples[i - 1].At)
                {
                    throw new ScalingInputException(
                        FieldPath.Field(FieldPath.Item(fields.PathOf("samples"), i), "at"),
                        "samples must be in time order");
                }
            }
        }

        return new MetricReading(value, instances, samples);
    }

    private static InstanceSample ReadInstance(JsonFields fields)
    {
        var id = fields.RequiredString("id");
        var value = fields.OptionalNumber("value");
        var request = fields.OptionalNumber("request");
        if (request is <= 0)
        {
            throw fields.Error("request", "must be positive");
        }

        return new InstanceSample(id, value, request, fields.OptionalBool("ready") ?? true);
    }

    private static MetricPoint ReadPoint(JsonFields fields) =>
        new(fields.RequiredTime("at"), fields.RequiredNumber("value"));
}
