using System.Buffers;
using System.Text.Json;
using Autoscaler.Ports.Alarms;

namespace Autoscaler.Adapters.Notifications;

/// <summary>
/// The bodies a notification is sent as: the signed alarm event (the event JSON plus <c>description</c>), Slack's
/// incoming-webhook message (<c>text</c> for notifications, <c>blocks</c> for the channel) and Teams' MessageCard.
/// </summary>
public static class NotificationBodies
{
    /// <summary>The alarm event with the alarm's description: what signed webhooks and NATS subjects receive.</summary>
    public static byte[] Event(AlarmRecord record, string? description) => Write(writer =>
    {
        using var document = JsonDocument.Parse(AlarmEventJson.Serialize(record));
        writer.WriteStartObject();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            property.WriteTo(writer);
        }

        writer.WriteString("description", description);
        writer.WriteEndObject();
    });

    /// <summary>A Slack incoming-webhook message.</summary>
    public static byte[] Slack(AlarmRecord record, string? description) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("text", Title(record));
        writer.WriteStartArray("blocks");
        writer.WriteStartObject();
        writer.WriteString("type", "section");
        writer.WriteStartObject("text");
        writer.WriteString("type", "mrkdwn");
        writer.WriteString("text", $"*{Title(record)}*\n{record.Reason}" + (description is null ? string.Empty : $"\n_{description}_"));
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartObject();
        writer.WriteString("type", "context");
        writer.WriteStartArray("elements");
        writer.WriteStartObject();
        writer.WriteString("type", "mrkdwn");
        writer.WriteString("text", $"severity *{record.Severity}* · target {record.Target ?? "-"} · {record.At:u}");
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    /// <summary>A Microsoft Teams incoming-webhook MessageCard.</summary>
    public static byte[] Teams(AlarmRecord record, string? description) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("@type", "MessageCard");
        writer.WriteString("@context", "https://schema.org/extensions");
        writer.WriteString("summary", Title(record));
        writer.WriteString("themeColor", record.To switch { "ALARM" => record.Severity == "critical" ? "D13438" : "FFB900", "OK" => "2EB886", _ => "8A8886" });
        writer.WriteString("title", Title(record));
        writer.WriteString("text", record.Reason);
        writer.WriteStartArray("sections");
        writer.WriteStartObject();
        writer.WriteStartArray("facts");
        Fact(writer, "Severity", record.Severity);
        Fact(writer, "Target", record.Target ?? "-");
        Fact(writer, "Transition", $"{record.From} → {record.To}");
        Fact(writer, "At", record.At.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
        if (description is not null)
        {
            Fact(writer, "Description", description);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    /// <summary>One line: <c>[critical] HighCPU is ALARM (was OK)</c>.</summary>
    public static string Title(AlarmRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return $"[{record.Severity}] {record.Alarm} is {record.To} (was {record.From})";
    }

    private static void Fact(Utf8JsonWriter writer, string name, string value)
    {
        writer.WriteStartObject();
        writer.WriteString("name", name);
        writer.WriteString("value", value);
        writer.WriteEndObject();
    }

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
