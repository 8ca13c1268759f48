using System.Buffers;
using System.Text.Json;

namespace Autoscaler.Ports.Alarms;

/// <summary>
/// The public JSON of an alarm event (NATS <c>autoscaler.alarms.{alarm}</c> and the API's event stream), written by hand
/// so the wire names never follow a C# rename: <c>{ "id", "alarm", "target", "at", "severity", "from", "to", "reason" }</c>;
/// action entries add <c>"action"</c> and <c>"outcome"</c>.
/// </summary>
public static class AlarmEventJson
{
    /// <summary>Writes <paramref name="record"/> as one object.</summary>
    public static void Write(Utf8JsonWriter writer, AlarmRecord record)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(record);
        writer.WriteStartObject();
        writer.WriteString("id"u8, record.Id);
        writer.WriteString("alarm"u8, record.Alarm);
        if (record.Target is null)
        {
            writer.WriteNull("target"u8);
        }
        else
        {
            writer.WriteString("target"u8, record.Target);
        }

        writer.WriteString("at"u8, record.At);
        writer.WriteString("severity"u8, record.Severity);
        writer.WriteString("from"u8, record.From);
        writer.WriteString("to"u8, record.To);
        writer.WriteString("reason"u8, record.Reason);
        if (record.Kind == AlarmRecordKind.Action)
        {
            writer.WriteString("action"u8, record.Action);
            writer.WriteString("outcome"u8, record.Outcome);
        }

        writer.WriteEndObject();
    }

    /// <summary>The record as UTF-8 JSON.</summary>
    public static byte[] Serialize(AlarmRecord record)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, record);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
