using System.Globalization;
using System.Text.Json;

namespace Autoscaler.Grains.Interfaces;

/// <summary>
/// Writes a <see cref="TargetTrace"/> as a demand-mode <c>simulate</c> input (docs/contracts/simulate.md): the target's
/// bounds and policies, <c>demand.METRIC.perInstance</c> for each metric whose per-instance capacity is known, the
/// hourly totals as <c>trace[].demand</c> (each holding for its hour: a closing entry ends the last one, or the span), and the capacity that actually ran as <c>recorded.capacity</c>. Shared by the
/// API and the client SDK so both give the same document.
/// </summary>
public static class TargetTraceJson
{
    /// <summary>The metrics that can be simulated: those with a known per-instance capacity and at least one point.</summary>
    public static IReadOnlyList<TraceSeries> Simulable(TargetTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return [.. trace.Metrics.Where(m => m.PerInstance is > 0 && m.Points.Count > 0)];
    }

    /// <summary>Writes the document; the trace must have at least one simulable metric.</summary>
    public static void Write(Utf8JsonWriter writer, TargetTrace trace)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(trace);
        var metrics = Simulable(trace);
        var definition = trace.Definition;
        writer.WriteStartObject();
        writer.WriteStartObject("target");
        writer.WriteNumber("current", trace.Capacity.Count > 0 ? (int)trace.Capacity[0].Value : definition.InitialCapacity);
        writer.WriteNumber("min", definition.Min);
        writer.WriteNumber("max", definition.Max);
        writer.WriteEndObject();
        writer.WriteStartArray("policies");
        foreach (var policy in trace.Policies)
        {
            writer.WriteRawValue(policy.Json);
        }

        writer.WriteEndArray();
        if (!string.IsNullOrWhiteSpace(definition.BehaviorJson))
        {
            writer.WritePropertyName("behavior");
            writer.WriteRawValue(definition.BehaviorJson);
        }

        writer.WriteNumber("evaluationIntervalSeconds", definition.EvaluationIntervalSeconds);
        writer.WriteNumber("unitCostPerHour", definition.UnitCostPerHour);
        writer.WriteStartObject("demand");
        foreach (var metric in metrics)
        {
            writer.WriteStartObject(metric.Metric);
            writer.WriteNumber("perInstance", metric.PerInstance!.Value);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteStartObject("recorded");
        writer.WriteStartArray("capacity");
        foreach (var point in trace.Capacity)
        {
            writer.WriteStartObject();
            writer.WriteString("at", Format(point.At));
            writer.WriteNumber("capacity", (int)point.Value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteStartArray("trace");
        var times = metrics.SelectMany(m => m.Points.Select(p => p.At)).Distinct().Order().ToList();
        foreach (var at in times)
        {
            writer.WriteStartObject();
            writer.WriteString("at", Format(at));
            writer.WriteStartObject("demand");
            foreach (var metric in metrics)
            {
                if (metric.Points.FirstOrDefault(p => p.At == at) is { } point)
                {
                    writer.WriteNumber(metric.Metric, Math.Round(Math.Max(0, point.Value), 6));
                }
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        // Each hourly mean holds for its hour: a closing entry (the last values again) ends the last hour, or the span.
        var end = Min(trace.To, times[^1] + Hour);
        if (end > times[^1])
        {
            writer.WriteStartObject();
            writer.WriteString("at", Format(end));
            writer.WriteStartObject("demand");
            foreach (var metric in metrics)
            {
                writer.WriteNumber(metric.Metric, Math.Round(Math.Max(0, metric.Points[^1].Value), 6));
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
