namespace Autoscaler.Adapters.Nats.Telemetry;

/// <summary>
/// Messages for targets the catalog did not know, held (copied, bounded) until the catalog has been read again: a target
/// registered through another silo's API a moment ago is not rejected for its first messages. Messages for a target that
/// still has parked ones are parked behind them, so a target's messages keep their order. Owned by the reader: not
/// thread-safe.
/// </summary>
internal sealed class ParkedMessages(int maxMessages, int maxBytes)
{
    private readonly Queue<ParkedMessage> _queue = new();
    private readonly Dictionary<string, int> _perTarget = new(StringComparer.Ordinal);
    private long _sequence;
    private int _bytes;

    /// <summary>Messages held now.</summary>
    public int Count => _queue.Count;

    /// <summary>The sequence number the next parked message gets: a catalog read started now covers every lower one.</summary>
    public long NextSequence => _sequence + 1;

    /// <summary>True when <paramref name="target"/> has parked messages (a new one must wait behind them).</summary>
    public bool Holds(string target) => _perTarget.ContainsKey(target);

    /// <summary>Parks a copy of the message; false when the bounds are reached (reject it instead).</summary>
    public bool TryPark(string subject, TelemetrySubjectKind kind, string target, ReadOnlySpan<byte> payload)
    {
        if (_queue.Count >= maxMessages || _bytes + payload.Length > maxBytes)
        {
            return false;
        }

        _queue.Enqueue(new ParkedMessage(++_sequence, subject, kind, target, payload.ToArray()));
        _bytes += payload.Length;
        _perTarget[target] = _perTarget.GetValueOrDefault(target) + 1;
        return true;
    }

    /// <summary>Takes every parked message out, oldest first, to be handled again now that the catalog was read.</summary>
    public List<ParkedMessage> TakeAll()
    {
        var all = new List<ParkedMessage>(_queue);
        _queue.Clear();
        _perTarget.Clear();
        _bytes = 0;
        return all;
    }
}
