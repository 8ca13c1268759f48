using System.Buffers;
using System.Text;
using Autoscaler.Ingestion.Parsing;
using Autoscaler.Ports.Telemetry;

namespace Autoscaler.Ingestion.Tests.Parsing;

public sealed class TelemetryPayloadParserTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TelemetryPayloadParser _parser = new(new TelemetryIngestionOptions { MaxMessageBytes = 1024 });

    [Fact]
    public void Full_sample_is_read_field_by_field()
    {
        var samples = Parse("""
            { "source": "agent-17", "ts": "2026-01-01T11:59:59.250Z", "metrics": { "cpu": 71.5, "pending_tasks": 12 },
              "ready": false, "request": { "cpu": 100 }, "future_field": { "nested": [1, 2] } }
            """);

        var sample = Assert.Single(samples);
        Assert.Equal("agent-17", sample.Source);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 11, 59, 59, 250, TimeSpan.Zero), sample.Timestamp);
        Assert.Equal(71.5, sample.Metrics["cpu"]);
        Assert.Equal(12, sample.Metrics["pending_tasks"]);
        Assert.False(sample.Ready);
        Assert.Equal(100, sample.Request!["cpu"]);
    }

    [Fact]
    public void Defaults_are_ready_true_no_request_and_receive_time()
    {
        var sample = Assert.Single(Parse("""{ "source": "a", "metrics": { "cpu": 1 } }"""));

        Assert.True(sample.Ready);
        Assert.Null(sample.Request);
        Assert.Equal(ReceivedAt, sample.Timestamp);
    }

    [Theory]
    [InlineData("1767268800000", "2026-01-01T12:00:00Z")]
    [InlineData("1767268799000.9", "2026-01-01T11:59:59Z")]
    [InlineData("\"2026-01-01T14:00:00+02:00\"", "2026-01-01T12:00:00Z")]
    [InlineData("\"2026-01-01T12:04:59Z\"", "2026-01-01T12:04:59Z")]
    [InlineData("null", "2026-01-01T12:00:00Z")]
    public void Timestamp_forms_are_accepted(string ts, string expected)
    {
        var sample = Assert.Single(Parse($$"""{ "source": "a", "ts": {{ts}}, "metrics": { "cpu": 1 } }"""));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), sample.Timestamp);
    }

    [Fact]
    public void Batch_yields_every_sample_in_order()
    {
        var samples = Parse("""[ { "source": "a", "metrics": { "x": 1 } }, { "source": "b", "metrics": { "x": 2 } }, { "source": "c", "metrics": { "x": 3 } } ]""");

        Assert.Equal(["a", "b", "c"], samples.Select(s => s.Source));
        Assert.Equal([1.0, 2.0, 3.0], samples.Select(s => s.Metrics["x"]));
    }

    [Fact]
    public void Escaped_names_are_unescaped()
    {
        var sample = Assert.Single(Parse("""{ "source": "agent\u002D1", "metrics": { "c\u0070u": 1 } }"""));

        Assert.Equal("agent-1", sample.Source);
        Assert.True(sample.Metrics.ContainsKey("cpu"));
    }

    [Fact]
    public void Repeated_names_reuse_one_string_instance()
    {
        var samples = Parse("""[ { "source": "agent-1", "metrics": { "cpu": 1 } }, { "source": "agent-1", "metrics": { "cpu": 2 } } ]""");

        Assert.Same(samples[0].Source, samples[1].Source);
        Assert.Same(samples[0].Metrics.Keys.Single(), samples[1].Metrics.Keys.Single());
    }

    [Theory]
    [InlineData(3)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(2000)]
    public void Many_metrics_and_repeated_names_keep_the_last_value(int count)
    {
        var parser = new TelemetryPayloadParser(new TelemetryIngestionOptions());
        var names = Enumerable.Range(0, count).Select(i => $"\"m{i}\": {i}");
        var json = $$"""{ "source": "a", "metrics": { {{string.Join(", ", names)}}, "m0": -1, "m{{count - 1}}": -2 } }""";
        var samples = new List<TelemetrySample>();

        Assert.Null(parser.ParseSamples(Encoding.UTF8.GetBytes(json), ReceivedAt, samples));

        var metrics = Assert.Single(samples).Metrics;
        Assert.Equal(count, metrics.Count);
        Assert.Equal(-1, metrics["m0"]);
        Assert.Equal(-2, metrics[$"m{count - 1}"]);
        Assert.Equal(count > 2 ? 1 : -2, metrics["m1"]);
        Assert.Equal(count, metrics.Keys.Distinct().Count());
        Assert.False(metrics.ContainsKey("absent"));
    }

    [Fact]
    public void Multi_segment_buffer_parses_like_a_contiguous_one()
    {
        var bytes = Encoding.UTF8.GetBytes("""{ "source": "segmented", "metrics": { "cpu": 42 } }""");
        var sequence = Segments(bytes, 7);
        var samples = new List<TelemetrySample>();

        var rejection = _parser.ParseSamples(sequence, ReceivedAt, samples);

        Assert.Null(rejection);
        Assert.Equal(42, Assert.Single(samples).Metrics["cpu"]);
    }

    public static TheoryData<string, TelemetryRejectionReason, string> Rejections() => new()
    {
        { "not json", TelemetryRejectionReason.InvalidJson, "invalid JSON" },
        { "", TelemetryRejectionReason.InvalidJson, "empty" },
        { "42", TelemetryRejectionReason.InvalidJson, "sample object" },
        { "[]", TelemetryRejectionReason.InvalidJson, "batch is empty" },
        { "[1]", TelemetryRejectionReason.InvalidJson, "[0]" },
        { """{ "source": "a", "metrics": { "x": 1 } } {}""", TelemetryRejectionReason.InvalidJson, "invalid JSON" },
        { """{ "source": "a", "metrics": { "x": 1 }""", TelemetryRejectionReason.InvalidJson, "invalid JSON" },
        { """{ "metrics": { "cpu": 1 } }""", TelemetryRejectionReason.MissingSource, "source" },
        { """{ "source": null, "metrics": { "cpu": 1 } }""", TelemetryRejectionReason.MissingSource, "source" },
        { """{ "source": "", "metrics": { "cpu": 1 } }""", TelemetryRejectionReason.MissingSource, "source" },
        { """{ "source": 5, "metrics": { "cpu": 1 } }""", TelemetryRejectionReason.InvalidField, "source" },
        { """{ "source": "a" }""", TelemetryRejectionReason.MissingMetrics, "metrics" },
        { """{ "source": "a", "metrics": {} }""", TelemetryRejectionReason.MissingMetrics, "metrics" },
        { """{ "source": "a", "metrics": [1] }""", TelemetryRejectionReason.MissingMetrics, "metrics" },
        { """{ "source": "a", "metrics": { "cpu": "high" } }""", TelemetryRejectionReason.NonNumericValue, "metrics.cpu" },
        { """{ "source": "a", "metrics": { "cpu": true } }""", TelemetryRejectionReason.NonNumericValue, "metrics.cpu" },
        { """{ "source": "a", "metrics": { "cpu": null } }""", TelemetryRejectionReason.NonNumericValue, "metrics.cpu" },
        { """{ "source": "a", "metrics": { "cpu": "NaN" } }""", TelemetryRejectionReason.NonFiniteValue, "metrics.cpu" },
        { """{ "source": "a", "metrics": { "cpu": "-Infinity" } }""", TelemetryRejectionReason.NonFiniteValue, "metrics.cpu" },
        { """{ "source": "a", "metrics": { "cpu": 1e400 } }""", TelemetryRejectionReason.NonFiniteValue, "metrics.cpu" },
        { """{ "source": "a", "metrics": { "": 1 } }""", TelemetryRejectionReason.InvalidField, "empty metric name" },
        { """[ { "source": "a", "metrics": { "x": 1 } }, { "source": "b", "metrics": { "mem": "x" } } ]""", TelemetryRejectionReason.NonNumericValue, "[1].metrics.mem" },
        { """[ { "source": "a", "metrics": { "x": 1 } }, { "metrics": { "x": 1 } } ]""", TelemetryRejectionReason.MissingSource, "[1].source" },
        { """{ "source": "a", "metrics": { "x": 1 }, "request": { "cpu": "lots" } }""", TelemetryRejectionReason.NonNumericValue, "request.cpu" },
        { """{ "source": "a", "metrics": { "x": 1 }, "ready": "yes" }""", TelemetryRejectionReason.InvalidField, "ready" },
        { """{ "source": "a", "metrics": { "x": 1 }, "ts": "2026-01-01T12:00:00" }""", TelemetryRejectionReason.InvalidField, "ts" },
        { """{ "source": "a", "metrics": { "x": 1 }, "ts": "yesterday" }""", TelemetryRejectionReason.InvalidField, "ts" },
        { """{ "source": "a", "metrics": { "x": 1 }, "ts": -5 }""", TelemetryRejectionReason.InvalidField, "ts" },
        { """{ "source": "a", "metrics": { "x": 1 }, "ts": "2026-01-01T12:05:01Z" }""", TelemetryRejectionReason.FutureTimestamp, "ts" },
        { """{ "source": "a", "metrics": { "x": 1 }, "ts": 1767269101000 }""", TelemetryRejectionReason.FutureTimestamp, "ts" },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public void Invalid_payload_is_rejected_with_its_reason_and_field(string json, TelemetryRejectionReason reason, string field)
    {
        var samples = new List<TelemetrySample>();

        var rejection = _parser.ParseSamples(Encoding.UTF8.GetBytes(json), ReceivedAt, samples);

        Assert.NotNull(rejection);
        Assert.Equal(reason, rejection.Value.Reason);
        Assert.Contains(field, rejection.Value.Message, StringComparison.Ordinal);
        Assert.Empty(samples);
    }

    [Fact]
    public void Message_over_the_limit_is_oversize_before_any_parsing()
    {
        var json = "{\"source\":\"a\",\"metrics\":{\"x\":1},\"pad\":\"" + new string('p', 1100) + "\"}";

        var rejection = _parser.ParseSamples(Encoding.UTF8.GetBytes(json), ReceivedAt, []);

        Assert.Equal(TelemetryRejectionReason.Oversize, rejection!.Value.Reason);
        Assert.Contains("1024-byte limit", rejection.Value.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "source": "agent-3", "event": "started" }""", AgentLifecycleKind.Started)]
    [InlineData("""{ "event": "stopped", "source": "agent-3", "ts": 1767268800000 }""", AgentLifecycleKind.Stopped)]
    public void Lifecycle_events_are_read(string json, AgentLifecycleKind kind)
    {
        var rejection = _parser.ParseLifecycle(Encoding.UTF8.GetBytes(json), ReceivedAt, out var lifecycle);

        Assert.Null(rejection);
        Assert.Equal("agent-3", lifecycle!.Source);
        Assert.Equal(kind, lifecycle.Kind);
        Assert.Equal(ReceivedAt, lifecycle.At);
    }

    [Theory]
    [InlineData("""{ "source": "agent-3", "event": "paused" }""", TelemetryRejectionReason.InvalidField, "event")]
    [InlineData("""{ "source": "agent-3" }""", TelemetryRejectionReason.InvalidField, "event")]
    [InlineData("""{ "event": "started" }""", TelemetryRejectionReason.MissingSource, "source")]
    [InlineData("""[ { "source": "agent-3", "event": "started" } ]""", TelemetryRejectionReason.InvalidJson, "object")]
    [InlineData("""{ "source": "agent-3", "event": "started", "ts": "2027-01-01T00:00:00Z" }""", TelemetryRejectionReason.FutureTimestamp, "ts")]
    public void Invalid_lifecycle_is_rejected(string json, TelemetryRejectionReason reason, string field)
    {
        var rejection = _parser.ParseLifecycle(Encoding.UTF8.GetBytes(json), ReceivedAt, out var lifecycle);

        Assert.Null(lifecycle);
        Assert.Equal(reason, rejection!.Value.Reason);
        Assert.Contains(field, rejection.Value.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mutated_payloads_never_throw_and_either_parse_or_reject()
    {
        var valid = Encoding.UTF8.GetBytes(
            """[ { "source": "agent-17", "ts": "2026-01-01T11:59:59.250Z", "metrics": { "cpu": 71.5, "q": 12 }, "ready": true, "request": { "cpu": 100 } } ]""");
        var random = new Random(20261123);
        var samples = new List<TelemetrySample>();
        for (var i = 0; i < 5000; i++)
        {
            var bytes = (byte[])valid.Clone();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            samples.Clear();
            var rejection = _parser.ParseSamples(bytes, ReceivedAt, samples);

            Assert.True(rejection is null ? samples.Count == 1 && samples[0].Metrics.Values.All(double.IsFinite) : samples.Count == 0);
        }
    }

    private List<TelemetrySample> Parse(string json)
    {
        var samples = new List<TelemetrySample>();
        var rejection = _parser.ParseSamples(Encoding.UTF8.GetBytes(json), ReceivedAt, samples);
        Assert.Null(rejection);
        return samples;
    }

    private static ReadOnlySequence<byte> Segments(byte[] bytes, int size)
    {
        Segment? first = null;
        Segment? last = null;
        for (var offset = 0; offset < bytes.Length; offset += size)
        {
            var memory = bytes.AsMemory(offset, Math.Min(size, bytes.Length - offset));
            last = last is null ? first = new Segment(memory, 0) : last.Append(memory);
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
