using System.Buffers;
using System.Text.Json;
using Autoscaler.Ports.Telemetry;

namespace Autoscaler.Ingestion.Parsing;

/// <summary>
/// Validates telemetry payloads straight from the received bytes with <see cref="Utf8JsonReader"/> (no DOM, no
/// intermediate strings for repeated names). A message is accepted or rejected as a whole: a batch with one bad sample is
/// rejected, naming the sample's index. Keeps a name cache, so one instance serves one reader loop (not thread-safe).
/// </summary>
public sealed class TelemetryPayloadParser
{
    private const int LinearLimit = 16;
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 16 };
    private readonly Utf8StringCache _names = new();
    private readonly List<KeyValuePair<string, double>> _scratch = [];
    private readonly Dictionary<string, int> _scratchIndex = new(StringComparer.Ordinal);
    private readonly int _maxMessageBytes;
    private readonly TimeSpan _maxFutureSkew;

    /// <summary>Creates a parser with the size limit and future skew from <paramref name="options"/>.</summary>
    public TelemetryPayloadParser(TelemetryIngestionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _maxMessageBytes = options.MaxMessageBytes;
        _maxFutureSkew = options.MaxFutureSkew;
    }

    /// <summary>Returns a string for a target id, reusing earlier instances.</summary>
    public string InternTarget(ReadOnlySpan<char> target) => _names.Get(target);

    /// <summary>Parses one sample or a batch into <paramref name="samples"/>; returns null when valid, else the rejection.</summary>
    public TelemetryRejection? ParseSamples(ReadOnlySpan<byte> utf8, DateTimeOffset receivedAt, List<TelemetrySample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (utf8.Length > _maxMessageBytes)
        {
            return Oversize(utf8.Length);
        }

        if (utf8.IsEmpty)
        {
            return Reject(TelemetryRejectionReason.InvalidJson, "the payload is empty");
        }

        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        return ParseSamples(ref reader, receivedAt, samples);
    }

    /// <summary>Parses one sample or a batch from a (possibly multi-segment) buffer.</summary>
    public TelemetryRejection? ParseSamples(in ReadOnlySequence<byte> utf8, DateTimeOffset receivedAt, List<TelemetrySample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (utf8.Length > _maxMessageBytes)
        {
            return Oversize(utf8.Length);
        }

        if (utf8.IsEmpty)
        {
            return Reject(TelemetryRejectionReason.InvalidJson, "the payload is empty");
        }

        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        return ParseSamples(ref reader, receivedAt, samples);
    }

    /// <summary>Parses a lifecycle message <c>{ "source": …, "event": "started" | "stopped", "ts"?: … }</c>.</summary>
    public TelemetryRejection? ParseLifecycle(ReadOnlySpan<byte> utf8, DateTimeOffset receivedAt, out AgentLifecycleEvent? lifecycle)
    {
        lifecycle = null;
        if (utf8.Length > _maxMessageBytes)
        {
            return Oversize(utf8.Length);
        }

        if (utf8.IsEmpty)
        {
            return Reject(TelemetryRejectionReason.InvalidJson, "the payload is empty");
        }

        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return Reject(TelemetryRejectionReason.InvalidJson, "a lifecycle message must be a JSON object");
            }

            var rejection = ReadLifecycle(ref reader, receivedAt, out lifecycle);
            return rejection ?? EndOfInput(ref reader);
        }
        catch (JsonException e)
        {
            lifecycle = null;
            return Reject(TelemetryRejectionReason.InvalidJson, $"invalid JSON: {e.Message}");
        }
    }

    private TelemetryRejection? ParseSamples(ref Utf8JsonReader reader, DateTimeOffset receivedAt, List<TelemetrySample> samples)
    {
        var start = samples.Count;
        try
        {
            var rejection = ReadPayload(ref reader, receivedAt, samples) ?? EndOfInput(ref reader);
            if (rejection is not null)
            {
                samples.RemoveRange(start, samples.Count - start);
            }

            return rejection;
        }
        catch (JsonException e)
        {
            samples.RemoveRange(start, samples.Count - start);
            return Reject(TelemetryRejectionReason.InvalidJson, $"invalid JSON: {e.Message}");
        }
    }

    private TelemetryRejection? ReadPayload(ref Utf8JsonReader reader, DateTimeOffset receivedAt, List<TelemetrySample> samples)
    {
        if (!reader.Read())
        {
            return Reject(TelemetryRejectionReason.InvalidJson, "the payload is empty");
        }

        if (reader.TokenType == JsonTokenType.StartObject)
        {
            var rejection = ReadSample(ref reader, receivedAt, null, out var sample);
            if (sample is not null)
            {
                samples.Add(sample);
            }

            return rejection;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return Reject(TelemetryRejectionReason.InvalidJson, "the payload must be a sample object or an array of them");
        }

        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return Reject(TelemetryRejectionReason.InvalidJson, $"[{index}] must be a sample object");
            }

            var rejection = ReadSample(ref reader, receivedAt, index, out var sample);
            if (rejection is not null)
            {
                return rejection;
            }

            samples.Add(sample!);
            index++;
        }

        return index == 0 ? Reject(TelemetryRejectionReason.InvalidJson, "the batch is empty") : null;
    }

    private TelemetryRejection? ReadSample(ref Utf8JsonReader reader, DateTimeOffset receivedAt, int? index, out TelemetrySample? sample)
    {
        sample = null;
        string? source = null;
        DateTimeOffset? timestamp = null;
        IReadOnlyDictionary<string, double>? metrics = null;
        IReadOnlyDictionary<string, double>? request = null;
        var ready = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            TelemetryRejection? rejection = null;
            if (reader.ValueTextEquals("source"u8))
            {
                rejection = ReadSource(ref reader, index, out source);
            }
            else if (reader.ValueTextEquals("ts"u8))
            {
                rejection = ReadTimestamp(ref reader, index, receivedAt, out timestamp);
            }
            else if (reader.ValueTextEquals("metrics"u8))
            {
                rejection = ReadNumbers(ref reader, index, "metrics", out metrics);
            }
            else if (reader.ValueTextEquals("request"u8))
            {
                rejection = ReadNumbers(ref reader, index, "request", out request);
            }
            else if (reader.ValueTextEquals("ready"u8))
            {
                reader.Read();
                switch (reader.TokenType)
                {
                    case JsonTokenType.True: ready = true; break;
                    case JsonTokenType.False: ready = false; break;
                    case JsonTokenType.Null: break;
                    default: rejection = Reject(TelemetryRejectionReason.InvalidField, $"{Field(index, "ready")} must be true or false"); break;
                }
            }
            else
            {
                // Unknown fields are allowed: the contract is extended, never broken.
                reader.Read();
                reader.Skip();
            }

            if (rejection is not null)
            {
                return rejection;
            }
        }

        if (source is null)
        {
            return Reject(TelemetryRejectionReason.MissingSource, $"{Field(index, "source")} is required");
        }

        if (metrics is null || metrics.Count == 0)
        {
            return Reject(TelemetryRejectionReason.MissingMetrics, $"{Field(index, "metrics")} is required and must not be empty");
        }

        sample = new TelemetrySample(source, timestamp ?? receivedAt, metrics, ready, request is { Count: > 0 } ? request : null);
        return null;
    }

    private TelemetryRejection? ReadLifecycle(ref Utf8JsonReader reader, DateTimeOffset receivedAt, out AgentLifecycleEvent? lifecycle)
    {
        lifecycle = null;
        string? source = null;
        DateTimeOffset? timestamp = null;
        AgentLifecycleKind? kind = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            TelemetryRejection? rejection = null;
            if (reader.ValueTextEquals("source"u8))
            {
                rejection = ReadSource(ref reader, null, out source);
            }
            else if (reader.ValueTextEquals("ts"u8))
            {
                rejection = ReadTimestamp(ref reader, null, receivedAt, out timestamp);
            }
            else if (reader.ValueTextEquals("event"u8))
            {
                reader.Read();
                kind = reader.TokenType != JsonTokenType.String ? null
                    : reader.ValueTextEquals("started"u8) ? AgentLifecycleKind.Started
                    : reader.ValueTextEquals("stopped"u8) ? AgentLifecycleKind.Stopped
                    : null;
                if (kind is null)
                {
                    rejection = Reject(TelemetryRejectionReason.InvalidField, "event must be \"started\" or \"stopped\"");
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }

            if (rejection is not null)
            {
                return rejection;
            }
        }

        if (source is null)
        {
            return Reject(TelemetryRejectionReason.MissingSource, "source is required");
        }

        if (kind is null)
        {
            return Reject(TelemetryRejectionReason.InvalidField, "event is required (\"started\" or \"stopped\")");
        }

        lifecycle = new AgentLifecycleEvent(source, kind.Value, timestamp ?? receivedAt);
        return null;
    }

    private TelemetryRejection? ReadSource(ref Utf8JsonReader reader, int? index, out string? source)
    {
        source = null;
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return Reject(TelemetryRejectionReason.MissingSource, $"{Field(index, "source")} is required");
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            return Reject(TelemetryRejectionReason.InvalidField, $"{Field(index, "source")} must be a string");
        }

        source = ReadName(ref reader);
        return source.Length == 0 ? Reject(TelemetryRejectionReason.MissingSource, $"{Field(index, "source")} must not be empty") : null;
    }

    private TelemetryRejection? ReadTimestamp(ref Utf8JsonReader reader, int? index, DateTimeOffset receivedAt, out DateTimeOffset? timestamp)
    {
        timestamp = null;
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number when reader.TryGetInt64(out var milliseconds)
                                           && milliseconds is >= 0 and <= 253_402_300_799_999:
                timestamp = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
                break;
            case JsonTokenType.Number when reader.TryGetDouble(out var fractional) && fractional is >= 0 and <= 253_402_300_799_999:
                timestamp = DateTimeOffset.FromUnixTimeMilliseconds((long)fractional);
                break;
            case JsonTokenType.String when HasOffset(ref reader) && reader.TryGetDateTimeOffset(out var parsed):
                timestamp = parsed.ToUniversalTime();
                break;
            default:
                return Reject(
                    TelemetryRejectionReason.InvalidField,
                    $"{Field(index, "ts")} must be an RFC 3339 time with an offset or Unix epoch milliseconds");
        }

        var ahead = timestamp.Value - receivedAt;
        return ahead > _maxFutureSkew
            ? Reject(TelemetryRejectionReason.FutureTimestamp, $"{Field(index, "ts")} is {ahead:g} ahead of the receive time (limit {_maxFutureSkew:g})")
            : null;
    }

    private TelemetryRejection? ReadNumbers(ref Utf8JsonReader reader, int? index, string field, out IReadOnlyDictionary<string, double>? values)
    {
        values = null;
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            var reason = field == "metrics" ? TelemetryRejectionReason.MissingMetrics : TelemetryRejectionReason.InvalidField;
            return Reject(reason, $"{Field(index, field)} must be an object of name → number");
        }

        _scratch.Clear();
        _scratchIndex.Clear();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = ReadName(ref reader);
            if (name.Length == 0)
            {
                return Reject(TelemetryRejectionReason.InvalidField, $"{Field(index, field)} has an empty metric name");
            }

            reader.Read();
            if (reader.TokenType == JsonTokenType.Number)
            {
                if (!reader.TryGetDouble(out var value) || !double.IsFinite(value))
                {
                    return Reject(TelemetryRejectionReason.NonFiniteValue, $"{Field(index, field)}.{name} is not a finite number");
                }

                Put(name, value);
            }
            else if (reader.TokenType == JsonTokenType.String && IsNonFiniteWord(ref reader))
            {
                return Reject(TelemetryRejectionReason.NonFiniteValue, $"{Field(index, field)}.{name} is not a finite number");
            }
            else
            {
                return Reject(TelemetryRejectionReason.NonNumericValue, $"{Field(index, field)}.{name} must be a number");
            }
        }

        // Few metrics (the common case) go into an exact-size array; many into a hash map for O(1) lookups.
        if (_scratch.Count <= LinearLimit)
        {
            values = new CompactMetricMap(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_scratch));
            return null;
        }

        var map = new Dictionary<string, double>(_scratch.Count, StringComparer.Ordinal);
        foreach (var (name, value) in _scratch)
        {
            map[name] = value;
        }

        values = map;
        return null;
    }

    // A repeated name keeps its last value, as a JSON object read into a dictionary would. Past a few names the search
    // switches to an index, so a 64 KiB object of thousands of names stays linear in its size.
    private void Put(string name, double value)
    {
        if (_scratch.Count < LinearLimit)
        {
            for (var i = 0; i < _scratch.Count; i++)
            {
                if (string.Equals(_scratch[i].Key, name, StringComparison.Ordinal))
                {
                    _scratch[i] = new(name, value);
                    return;
                }
            }

            _scratch.Add(new(name, value));
            return;
        }

        if (_scratchIndex.Count == 0)
        {
            for (var i = 0; i < _scratch.Count; i++)
            {
                _scratchIndex[_scratch[i].Key] = i;
            }
        }

        if (_scratchIndex.TryGetValue(name, out var existing))
        {
            _scratch[existing] = new(name, value);
        }
        else
        {
            _scratchIndex[name] = _scratch.Count;
            _scratch.Add(new(name, value));
        }
    }

    private string ReadName(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            return _names.Get(reader.ValueSpan);
        }

        var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = reader.CopyString(buffer);
            return _names.Get(buffer.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // RFC 3339 requires an offset; the reader would otherwise read "2026-01-01T12:00:00" as local time.
    private static bool HasOffset(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length < 20)
        {
            return false;
        }

        var value = reader.ValueSpan;
        return value[^1] is (byte)'Z' or (byte)'z' || (value[^6] is (byte)'+' or (byte)'-' && value[^3] == (byte)':');
    }

    private static bool IsNonFiniteWord(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("NaN"u8) || reader.ValueTextEquals("Infinity"u8) || reader.ValueTextEquals("-Infinity"u8)
        || reader.ValueTextEquals("+Infinity"u8);

    private static TelemetryRejection? EndOfInput(ref Utf8JsonReader reader) =>
        reader.Read() ? Reject(TelemetryRejectionReason.InvalidJson, "unexpected content after the JSON value") : null;

    private static string Field(int? index, string name) => index is null ? name : $"[{index}].{name}";

    private TelemetryRejection Oversize(long length) =>
        new(TelemetryRejectionReason.Oversize, $"the message is {length} bytes, more than the {_maxMessageBytes}-byte limit");

    private static TelemetryRejection Reject(TelemetryRejectionReason reason, string message) => new(reason, message);
}
