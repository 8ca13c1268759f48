using System.Globalization;
using System.Text.Json;
using Autoscaler.Ports.Sources;

namespace Autoscaler.Adapters.Sources.Prometheus;

/// <summary>
/// Reads the body of <c>/api/v1/query</c>: a <c>vector</c> becomes one reading per series (instance = the configured
/// label, missing label = aggregate), a <c>scalar</c> one aggregate reading. Non-finite values (NaN, ±Inf) are dropped
/// because telemetry samples carry finite numbers only.
/// </summary>
internal static class PrometheusResponseParser
{
    public static MetricSourceResult Parse(ReadOnlySpan<byte> body, string metric, string instanceLabel)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            var root = document.RootElement;
            if (!root.TryGetProperty("status", out var status) || status.GetString() != "success")
            {
                var error = root.TryGetProperty("error", out var e) ? e.GetString() : "no status";
                var type = root.TryGetProperty("errorType", out var t) ? t.GetString() : "unknown";
                return MetricSourceResult.Failed($"prometheus query failed ({type}): {error}");
            }

            var data = root.GetProperty("data");
            var resultType = data.GetProperty("resultType").GetString();
            var result = data.GetProperty("result");
            return resultType switch
            {
                "vector" => ParseVector(result, metric, instanceLabel),
                "scalar" => ParseScalar(result, metric),
                _ => MetricSourceResult.Failed(
                    $"prometheus returned a {resultType}; the query must give an instant vector or a scalar"),
            };
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return MetricSourceResult.Failed($"unexpected prometheus response: {ex.Message}");
        }
    }

    private static MetricSourceResult ParseVector(JsonElement series, string metric, string instanceLabel)
    {
        var readings = new List<SourceReading>(series.GetArrayLength());
        foreach (var item in series.EnumerateArray())
        {
            var instance = item.GetProperty("metric").TryGetProperty(instanceLabel, out var label) ? label.GetString() : null;
            if (TryValue(item.GetProperty("value"), out var value))
            {
                readings.Add(new SourceReading(metric, value, instance));
            }
        }

        return readings.Count > 0
            ? MetricSourceResult.Ok(readings)
            : MetricSourceResult.Empty(series.GetArrayLength() == 0
                ? "the query returned no series"
                : "every series had a non-finite value");
    }

    private static MetricSourceResult ParseScalar(JsonElement sample, string metric) =>
        TryValue(sample, out var value)
            ? MetricSourceResult.Ok([new SourceReading(metric, value)])
            : MetricSourceResult.Empty("the scalar was not a finite number");

    // A sample is [unixSeconds, "value"]; the value is a string so that NaN and ±Inf survive JSON.
    private static bool TryValue(JsonElement sample, out double value) =>
        double.TryParse(sample[1].GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
