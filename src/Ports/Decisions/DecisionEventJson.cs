using System.Buffers;
using System.Text.Json;

namespace Autoscaler.Ports.Decisions;

/// <summary>
/// The public JSON shape of a scaling event (NATS <c>autoscaler.events.{target}</c> and the API's event stream):
/// <c>{ "id", "target", "at", "kind", "from", "to", "actor", "dryRun", "explanation": [], "decisionId" }</c>, kind in
/// <c>decision | actuated | failed | rolled-back | drifted | resized</c> (a size change: capacity unchanged, the size in the explanation) <c>| budget</c> (a budget action: capacity unchanged, the threshold and max capacity in the explanation). <c>id</c> is the event's own id (the record's
/// <see cref="DecisionRecord.EntryId"/>, also its history row id: <c>web-7</c>, <c>web-7:actuated</c>), unique per event;
/// <c>decisionId</c> names the decision the event belongs to (<c>web-7</c> for the decision and each of its outcomes).
/// Written by hand so the wire names never follow a C# rename; fields are only ever appended.
/// </summary>
public static class DecisionEventJson
{
    /// <summary>Writes <paramref name="record"/> as one event object.</summary>
    public static void Write(Utf8JsonWriter writer, DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(record);
        writer.WriteStartObject();
        writer.WriteString("id"u8, record.EntryId);
        writer.WriteString("target"u8, record.Target);
        writer.WriteString("at"u8, record.At);
        writer.WriteString("kind"u8, DecisionKinds.EventName(record.Kind));
        writer.WriteNumber("from"u8, record.From);
        writer.WriteNumber("to"u8, record.To);
        writer.WriteString("actor"u8, record.Actor);
        writer.WriteBoolean("dryRun"u8, record.DryRun);
        writer.WriteStartArray("explanation"u8);
        foreach (var line in record.Explanation)
        {
            writer.WriteStringValue(line);
        }

        writer.WriteEndArray();
        writer.WriteString("decisionId"u8, record.Id);
        writer.WriteEndObject();
    }

    /// <summary>The event as UTF-8 JSON.</summary>
    public static byte[] Serialize(DecisionRecord record)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, record);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
