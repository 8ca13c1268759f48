using System.Text.Json;

namespace Autoscaler.Adapters.Aws.CloudWatch;

/// <summary>
/// <c>PutMetricData</c> in the AWS JSON 1.0 protocol, split within CloudWatch's limits: one namespace per request, at
/// most <see cref="MaxDatumsPerRequest"/> values and <see cref="MaxPayloadBytes"/> bytes, at most
/// <see cref="MaxDimensions"/> dimensions per value (more is refused up front, not sent).
/// </summary>
public static class CloudWatchPutMetricDataBody
{
    /// <summary>Values per request (CloudWatch's limit is 1,000).</summary>
    public const int MaxDatumsPerRequest = 1000;

    /// <summary>Request payload bound: CloudWatch takes 1 MB; this leaves room below it.</summary>
    public const int MaxPayloadBytes = 1_000_000;

    /// <summary>Dimensions per value (CloudWatch's limit).</summary>
    public const int MaxDimensions = 30;

    // The JSON of one value is bounded by this estimate of its envelope plus the lengths of its strings.
    private const int DatumOverheadBytes = 160;

    /// <summary>The requests carrying <paramref name="datums"/>: grouped by namespace, in order within a namespace.</summary>
    public static IEnumerable<(string Namespace, IReadOnlyList<CloudWatchMetricDatum> Datums)> Batches(IEnumerable<CloudWatchMetricDatum> datums)
    {
        ArgumentNullException.ThrowIfNull(datums);
        foreach (var group in datums.GroupBy(d => d.Namespace, StringComparer.Ordinal))
        {
            var batch = new List<CloudWatchMetricDatum>();
            var bytes = 64 + group.Key.Length;
            foreach (var datum in group)
            {
                var size = EstimatedBytes(datum);
                if (batch.Count == MaxDatumsPerRequest || (batch.Count > 0 && bytes + size > MaxPayloadBytes))
                {
                    yield return (group.Key, batch);
                    batch = [];
                    bytes = 64 + group.Key.Length;
                }

                batch.Add(datum);
                bytes += size;
            }

            if (batch.Count > 0)
            {
                yield return (group.Key, batch);
            }
        }
    }

    /// <summary>Checks a value against CloudWatch's rules; the reason it would be refused, or null.</summary>
    public static string? Invalid(CloudWatchMetricDatum datum)
    {
        ArgumentNullException.ThrowIfNull(datum);
        return datum switch
        {
            _ when string.IsNullOrWhiteSpace(datum.Namespace) || datum.Namespace.StartsWith("AWS/", StringComparison.Ordinal) =>
                $"namespace '{datum.Namespace}' is empty or reserved for AWS",
            _ when string.IsNullOrWhiteSpace(datum.MetricName) || datum.MetricName.Length > 255 => "metric name must be 1-255 characters",
            _ when datum.Dimensions.Count > MaxDimensions => $"{datum.Dimensions.Count} dimensions, CloudWatch takes at most {MaxDimensions}",
            _ when double.IsNaN(datum.Value) || double.IsInfinity(datum.Value) => "value must be a finite number",
            _ => null,
        };
    }

    /// <summary>The request body for one batch.</summary>
    public static byte[] Write(string metricNamespace, IReadOnlyList<CloudWatchMetricDatum> datums)
    {
        ArgumentNullException.ThrowIfNull(datums);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("Namespace", metricNamespace);
            json.WriteStartArray("MetricData");
            foreach (var datum in datums)
            {
                json.WriteStartObject();
                json.WriteString("MetricName", datum.MetricName);
                if (datum.Dimensions.Count > 0)
                {
                    json.WriteStartArray("Dimensions");
                    foreach (var dimension in datum.Dimensions)
                    {
                        json.WriteStartObject();
                        json.WriteString("Name", dimension.Name);
                        json.WriteString("Value", dimension.Value);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                }

                json.WriteNumber("Timestamp", datum.Timestamp.ToUnixTimeSeconds());
                json.WriteNumber("Value", datum.Value);
                json.WriteString("Unit", datum.Unit);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static int EstimatedBytes(CloudWatchMetricDatum datum)
    {
        var bytes = DatumOverheadBytes + (datum.MetricName.Length + datum.Unit.Length) * 6; // worst-case JSON escaping
        foreach (var dimension in datum.Dimensions)
        {
            bytes += 32 + (dimension.Name.Length + dimension.Value.Length) * 6;
        }

        return bytes;
    }
}
