using System.Buffers;
using System.Text.Json;
using Autoscaler.Ports.Events;

namespace Autoscaler.Adapters.Nats.Events;

/// <summary>
/// The public JSON shape of a scaling event (contracts/telemetry.md):
/// <c>{ "id", "target", "at", "kind", "from", "to", "actor", "dryRun", "explanation": [] }</c>, kind in
/// <c>decision | actuated | failed | rolled-back</c>. Written by hand so the wire names never follow a C# rename.
/// </summary>
public static class ScalingEventJson
{
    /// <summary>The wire name of a kind.</summary>
    public static string KindName(ScalingEventKind kind) => kind switch
    {
        ScalingEventKind.Decision => "decision",
        ScalingEventKind.Actuated => "actuated",
        ScalingEventKind.Failed => "failed",
        ScalingEventKind.RolledBack => "rolled-back",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown scaling event kind."),
    };

    /// <summary>Writes the event as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, ScalingEvent scalingEvent)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(scalingEvent);
        writer.WriteStartObject();
        writer.WriteString("id"u8, scalingEvent.Id);
        writer.WriteString("target"u8, scalingEvent.Target);
        writer.WriteString("at"u8, scalingEvent.At);
        writer.WriteString("kind"u8, KindName(scalingEvent.Kind));
        writer.WriteNumber("from"u8, scalingEvent.From);
        writer.WriteNumber("to"u8, scalingEvent.To);
        writer.WriteString("actor"u8, scalingEvent.Actor);
        writer.WriteBoolean("dryRun"u8, scalingEvent.DryRun);
        writer.WriteStartArray("explanation"u8);
        foreach (var line in scalingEvent.Explanation)
        {
            writer.WriteStringValue(line);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Serializes the event to UTF-8 JSON.</summary>
    public static byte[] Serialize(ScalingEvent scalingEvent)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, scalingEvent);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
