using System.Text.Json;
using System.Text.Json.Nodes;

namespace Autoscaler.Adapters.Aws.CloudWatch;

/// <summary>
/// The JSON 1.0 shapes of <c>GetMetricData</c>: member names as in the API reference, timestamps as epoch seconds.
/// Reading throws <see cref="JsonException"/>, <see cref="InvalidOperationException"/> or
/// <see cref="KeyNotFoundException"/> on a body of unexpected shape; the client turns those into <c>MalformedResponse</c>.
/// </summary>
internal static class CloudWatchJsonBody
{
    public static JsonObject Write(CloudWatchGetMetricDataRequest request)
    {
        var body = new JsonObject
        {
            ["MetricDataQueries"] = new JsonArray([.. request.Queries.Select(WriteQuery)]),
            ["StartTime"] = request.StartTime.ToUnixTimeSeconds(),
            ["EndTime"] = request.EndTime.ToUnixTimeSeconds(),
        };
        if (request.ScanBy is not null)
        {
            body["ScanBy"] = request.ScanBy;
        }

        if (request.MaxDatapoints is { } max)
        {
            body["MaxDatapoints"] = max;
        }

        if (request.NextToken is not null)
        {
            body["NextToken"] = request.NextToken;
        }

        return body;
    }

    public static CloudWatchGetMetricDataResponse ReadGetMetricData(string body, int attempts)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException($"the body is a JSON {root.ValueKind}, not an object");
        }

        var results = root.GetProperty("MetricDataResults").EnumerateArray().Select(ReadResult).ToList();
        return new CloudWatchGetMetricDataResponse(results, ReadMessages(root), OptionalString(root, "NextToken"), attempts);
    }

    private static JsonObject WriteQuery(CloudWatchMetricDataQuery query)
    {
        var node = new JsonObject { ["Id"] = query.Id };
        if (query.MetricStat is { } stat)
        {
            var metric = new JsonObject { ["Namespace"] = stat.Metric.Namespace, ["MetricName"] = stat.Metric.MetricName };
            if (stat.Metric.Dimensions.Count > 0)
            {
                metric["Dimensions"] = new JsonArray([.. stat.Metric.Dimensions.Select(d => new JsonObject { ["Name"] = d.Name, ["Value"] = d.Value })]);
            }

            node["MetricStat"] = new JsonObject { ["Metric"] = metric, ["Period"] = stat.Period, ["Stat"] = stat.Stat };
        }

        if (query.Expression is not null)
        {
            node["Expression"] = query.Expression;
        }

        if (query.Period is { } period)
        {
            node["Period"] = period;
        }

        if (query.Label is not null)
        {
            node["Label"] = query.Label;
        }

        node["ReturnData"] = query.ReturnData;
        return node;
    }

    private static CloudWatchMetricDataResult ReadResult(JsonElement result)
    {
        var timestamps = Array(result, "Timestamps").Select(t => DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(t.GetDouble() * 1000))).ToList();
        var values = Array(result, "Values").Select(v => v.GetDouble()).ToList();
        if (timestamps.Count != values.Count)
        {
            throw new InvalidOperationException($"a result has {timestamps.Count} timestamps but {values.Count} values");
        }

        return new CloudWatchMetricDataResult(
            result.GetProperty("Id").GetString() ?? throw new InvalidOperationException("a result has a null Id"),
            OptionalString(result, "Label"),
            timestamps,
            values,
            OptionalString(result, "StatusCode") ?? CloudWatchMetricDataResult.Complete,
            ReadMessages(result));
    }

    private static List<CloudWatchMessage> ReadMessages(JsonElement element) =>
        [.. Array(element, "Messages").Select(m => new CloudWatchMessage(OptionalString(m, "Code"), OptionalString(m, "Value")))];

    // Absent and null members are empty lists: the JSON protocols omit empty members.
    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.EnumerateArray()
            : [];

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetString() : null;
}
