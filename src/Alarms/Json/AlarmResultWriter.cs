using System.Text.Json;
using Autoscaler.Alarms.Evaluation;
using Autoscaler.Alarms.Model;

namespace Autoscaler.Alarms.Json;

/// <summary>Writes the results of <c>alarms evaluate</c> and <c>alarms composite</c> (docs/contracts/alarms.md).</summary>
public static class AlarmResultWriter
{
    /// <summary>
    /// <c>{ "state", "previousState", "changed", "evaluated": [ { "index", "value", "breaching" [, "filled"] } ], "reason" }</c>,
    /// plus <c>"bands"</c> for an anomaly alarm.
    /// </summary>
    public static void WriteEvaluation(Utf8JsonWriter writer, AlarmCheckResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        writer.WriteStartObject();
        WriteStates(writer, result.Outcome.State, result.Outcome.Previous);
        writer.WriteStartArray("evaluated");
        foreach (var point in result.Evaluated)
        {
            writer.WriteStartObject();
            if (point.Fill == PointFill.None)
            {
                writer.WriteNumber("index", point.Index);
                writer.WritePropertyName("value");
                writer.WriteRawValue(NumberText.Format(point.Value));
            }
            else
            {
                writer.WriteNull("index");
                writer.WriteNull("value");
            }

            writer.WriteBoolean("breaching", point.Breaching);
            if (point.Fill != PointFill.None)
            {
                writer.WriteString("filled", point.Fill == PointFill.Breaching ? "breaching" : "notBreaching");
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteString("reason", result.Reason);
        if (result.Bands is { } bands)
        {
            writer.WriteStartArray("bands");
            foreach (var band in bands)
            {
                writer.WriteStartObject();
                writer.WriteNumber("expected", Math.Round(band.Expected, 6));
                writer.WriteNumber("lower", Math.Round(band.Lower, 6));
                writer.WriteNumber("upper", Math.Round(band.Upper, 6));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary><c>{ "state", "previousState", "changed", "reason" }</c>.</summary>
    public static void WriteComposite(Utf8JsonWriter writer, AlarmState state, AlarmState previous, string reason)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        WriteStates(writer, state, previous);
        writer.WriteString("reason", reason);
        writer.WriteEndObject();
    }

    private static void WriteStates(Utf8JsonWriter writer, AlarmState state, AlarmState previous)
    {
        writer.WriteString("state", AlarmStates.Name(state));
        writer.WriteString("previousState", AlarmStates.Name(previous));
        writer.WriteBoolean("changed", state != previous);
    }
}
