using System.Text.Json;
using Autoscaler.Scaling.Json;

namespace Autoscaler.Scaling.Tuning;

/// <summary>Writes a <see cref="TuneResult"/>: <c>evaluated</c>, <c>invalid</c>, <c>frontier</c>, <c>recommended</c>, <c>baseline</c>.</summary>
public static class TuneWriter
{
    /// <summary>Writes the result as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, TuneResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        writer.WriteStartObject();
        writer.WriteNumber("evaluated", result.Evaluated);
        writer.WriteNumber("invalid", result.Invalid);
        if (result.FirstInvalid is { } invalid)
        {
            writer.WriteString("firstInvalid", invalid);
        }

        writer.WriteStartArray("frontier");
        foreach (var candidate in result.Frontier)
        {
            WriteCandidate(writer, candidate, why: null);
        }

        writer.WriteEndArray();
        writer.WritePropertyName("recommended");
        if (result.Recommended is { } recommended)
        {
            WriteCandidate(writer, recommended, result.Why);
        }
        else
        {
            writer.WriteNullValue();
        }

        if (result.Baseline is { } baseline)
        {
            writer.WriteStartObject("baseline");
            writer.WritePropertyName("summary");
            SimulationWriter.WriteSummary(writer, baseline);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteCandidate(Utf8JsonWriter writer, TunedCandidate candidate, string? why)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("policies");
        writer.WriteRawValue(candidate.PoliciesJson);
        writer.WritePropertyName("behavior");
        writer.WriteRawValue(candidate.BehaviorJson);
        writer.WritePropertyName("summary");
        SimulationWriter.WriteSummary(writer, candidate.Summary);
        if (why is not null)
        {
            writer.WriteString("why", why);
        }

        writer.WriteEndObject();
    }
}
