using System.Buffers;
using System.Globalization;
using System.Text;
using Autoscaler.Ports.Alarms;
using Autoscaler.Ports.Decisions;

namespace Autoscaler.Silo.ControlPlane.Events.Stream;

/// <summary>
/// The event stream's messages as bytes: <c>id:</c> the event's own id, <c>event: scaling | alarm</c>, one <c>data:</c>
/// line with the contract's JSON (the JSON writer escapes control characters, so the data is one line).
/// </summary>
public static class EventFrames
{
    /// <summary>Sent first on every stream: the reconnect delay and a comment that says the subscription exists.</summary>
    public static ReadOnlyMemory<byte> Preamble { get; } = Encoding.UTF8.GetBytes("retry: 5000\n: connected\n\n");

    /// <summary>The keep-alive comment.</summary>
    public static EventFrame Ping { get; } = new(null, Encoding.UTF8.GetBytes(": ping\n\n"));

    /// <summary>A scaling event.</summary>
    public static EventFrame Scaling(DecisionRecord record) =>
        new(record.Target, Message(record.EntryId, "scaling", DecisionEventJson.Serialize(record)));

    /// <summary>An alarm state change.</summary>
    public static EventFrame Alarm(AlarmRecord record) =>
        new(record.Target, Message(record.Id, "alarm", AlarmEventJson.Serialize(record)));

    /// <summary>
    /// Written to one client before its next events when its buffer overflowed: <c>event: dropped</c>,
    /// <c>data: {"dropped":N}</c>, so the client knows it missed <paramref name="count"/> events and refetches.
    /// </summary>
    public static void WriteDropped(IBufferWriter<byte> output, long count) =>
        Write(output, "event: dropped\ndata: {\"dropped\":" + count.ToString(CultureInfo.InvariantCulture) + "}\n\n");

    private static byte[] Message(string id, string eventName, byte[] json)
    {
        var buffer = new ArrayBufferWriter<byte>(json.Length + 64);
        Write(buffer, "id: ");
        Write(buffer, id.Replace('\n', ' ').Replace('\r', ' '));
        Write(buffer, "\nevent: ");
        Write(buffer, eventName);
        Write(buffer, "\ndata: ");
        buffer.Write(json);
        Write(buffer, "\n\n");
        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(IBufferWriter<byte> output, string text)
    {
        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        output.Advance(Encoding.UTF8.GetBytes(text, span));
    }
}
