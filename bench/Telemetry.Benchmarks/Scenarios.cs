using System.Diagnostics;
using Autoscaler.Adapters.Nats;
using Autoscaler.Adapters.Nats.Connection;
using Autoscaler.Adapters.Nats.Telemetry;
using Autoscaler.Ingestion;
using Autoscaler.Ingestion.Dispatch;
using Autoscaler.Ingestion.Monitoring;
using Autoscaler.Ingestion.Parsing;
using Autoscaler.Ports.Telemetry;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NATS.Client.Core;

namespace Autoscaler.Telemetry.Benchmarks;

/// <summary>The measured scenarios; each is bounded by a message count and a deadline.</summary>
internal static class Scenarios
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private static readonly string[] Targets = ["t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7"];

    /// <summary>(a) The ceiling: a bare subscriber that only takes each message off the wire and releases its buffer.</summary>
    public static async Task<BenchResult> CeilingAsync(string url, int messages, byte[] payload, int samplesPerMessage)
    {
        await using var subscriber = new NatsConnection(new NatsOpts { Url = url, Name = "bench-ceiling" });
        await using var publisher = new NatsConnection(new NatsOpts { Url = url, Name = "bench-publisher" });
        var options = new NatsSubOpts { ChannelOpts = new NatsSubChannelOpts { Capacity = messages + 16 } };
        await using var subscription = await subscriber.SubscribeCoreAsync(
            "ceiling.>", "bench", NatsRawSerializer<NatsMemoryOwner<byte>>.Default, options);
        await subscriber.PingAsync();
        await publisher.ConnectAsync();
        var received = 0L;
        var stopwatch = Stopwatch.StartNew();
        var reading = Task.Run(async () =>
        {
            using var deadline = new CancellationTokenSource(Deadline);
            try
            {
                while (received < messages && await subscription.Msgs.WaitToReadAsync(deadline.Token))
                {
                    while (subscription.Msgs.TryRead(out var message))
                    {
                        message.Data.Dispose();
                        received++;
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Deadline: report what arrived.
            }
        });
        await PublishAsync(publisher, "ceiling", messages, payload);
        await reading;
        stopwatch.Stop();
        return Result($"ceiling: bare subscriber, {samplesPerMessage} sample(s)/msg", messages, samplesPerMessage, payload.Length,
            received * samplesPerMessage, stopwatch.Elapsed, messages - received, "no parsing");
    }

    /// <summary>(b) The ingestion pipeline: subscribe, validate, queue per target, deliver to a counting sink.</summary>
    public static async Task<BenchResult> PipelineAsync(string url, int messages, byte[] payload, int samplesPerMessage)
    {
        var expected = (long)messages * samplesPerMessage;
        var sink = new CountingSink(expected);
        var prefix = "telemetry";
        var natsOptions = new NatsTelemetryOptions { Prefix = prefix, SubscriptionCapacity = messages + 16 };
        var options = new TelemetryIngestionOptions
        {
            AutoRegisterTargets = true,
            QueueCapacityPerTarget = 1 << 20,
            MaxBatchSize = 512,
        };
        var host = new NatsConnectionHost(Options.Create(new NatsOptions { Url = url, Name = "bench-ingestion" }), NullLoggerFactory.Instance);
        await host.StartAsync(CancellationToken.None);
        var counters = new TelemetryIngestionCounters();
        var natsCounters = new NatsTelemetryCounters();
        await using var dispatcher = new TelemetryDispatcher(sink, options, counters, TimeProvider.System, NullLogger.Instance);
        using var service = new NatsTelemetryIngestionService(
            host, Options.Create(natsOptions), Options.Create(options), dispatcher, counters, natsCounters, TimeProvider.System,
            NullLogger<NatsTelemetryIngestionService>.Instance);
        await using var publisher = new NatsConnection(new NatsOpts { Url = url, Name = "bench-publisher" });
        await publisher.ConnectAsync();
        await service.StartAsync(CancellationToken.None);
        await service.Subscribed;

        var stopwatch = Stopwatch.StartNew();
        await PublishAsync(publisher, prefix, messages, payload);
        await Task.WhenAny(sink.Done.Task, Task.Delay(Deadline));
        stopwatch.Stop();
        await service.StopAsync(CancellationToken.None);
        await host.DisposeAsync();
        var snapshot = counters.Snapshot();
        return Result($"pipeline: ingestion → counting sink, {samplesPerMessage} sample(s)/msg", messages, samplesPerMessage, payload.Length,
            sink.Samples, stopwatch.Elapsed, expected - sink.Samples,
            $"sink calls {sink.Calls}, rejected {snapshot.RejectedTotal}, overflowed {snapshot.Overflowed}, client dropped {natsCounters.ClientDropped}");
    }

    /// <summary>(c) The parser alone, in memory: the validation cost per message without any transport.</summary>
    public static BenchResult ParserOnly(int messages, byte[] payload, int samplesPerMessage)
    {
        var parser = new TelemetryPayloadParser(new TelemetryIngestionOptions());
        var samples = new List<TelemetrySample>(samplesPerMessage);
        var now = DateTimeOffset.UtcNow;
        long parsed = 0;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < messages; i++)
        {
            samples.Clear();
            if (parser.ParseSamples(payload, now, samples) is null)
            {
                parsed += samples.Count;
            }
        }

        stopwatch.Stop();
        var allocatedPerSample = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / Math.Max(parsed, 1);
        return Result($"parser only (no NATS), {samplesPerMessage} sample(s)/msg", messages, samplesPerMessage, payload.Length,
            parsed, stopwatch.Elapsed, ((long)messages * samplesPerMessage) - parsed, $"in-process, {allocatedPerSample} B allocated/sample");
    }

    /// <summary>(d) Parser and per-target dispatch into the counting sink, in memory: the pipeline without the transport.</summary>
    public static async Task<BenchResult> DispatchOnlyAsync(int messages, byte[] payload, int samplesPerMessage)
    {
        var expected = (long)messages * samplesPerMessage;
        var sink = new CountingSink(expected);
        var options = new TelemetryIngestionOptions { QueueCapacityPerTarget = 1 << 20, MaxBatchSize = 512 };
        var counters = new TelemetryIngestionCounters();
        await using var dispatcher = new TelemetryDispatcher(sink, options, counters, TimeProvider.System, NullLogger.Instance);
        var parser = new TelemetryPayloadParser(options);
        var samples = new List<TelemetrySample>(samplesPerMessage);
        var now = DateTimeOffset.UtcNow;
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < messages; i++)
        {
            samples.Clear();
            if (parser.ParseSamples(payload, now, samples) is null)
            {
                dispatcher.Enqueue(Targets[i % Targets.Length], samples);
            }
        }

        await Task.WhenAny(sink.Done.Task, Task.Delay(Deadline));
        stopwatch.Stop();
        return Result($"parser + dispatch (no NATS), {samplesPerMessage} sample(s)/msg", messages, samplesPerMessage, payload.Length,
            sink.Samples, stopwatch.Elapsed, expected - sink.Samples, $"in-process, sink calls {sink.Calls}, overflowed {counters.Snapshot().Overflowed}");
    }

    private static async Task PublishAsync(NatsConnection publisher, string prefix, int messages, byte[] payload)
    {
        var subjects = Targets.Select(t => $"{prefix}.{t}").ToArray();
        for (var i = 0; i < messages; i++)
        {
            await publisher.PublishAsync(subjects[i % subjects.Length], payload);
        }

        await publisher.PingAsync();
    }

    private static BenchResult Result(
        string scenario, int messages, int samplesPerMessage, int bytes, long samples, TimeSpan elapsed, long lost, string note)
    {
        var seconds = elapsed.TotalSeconds;
        return new BenchResult(scenario, messages, samplesPerMessage, bytes, samples, Math.Round(seconds, 3),
            Math.Round(samples / (double)samplesPerMessage / seconds), Math.Round(samples / seconds), lost, note);
    }
}
