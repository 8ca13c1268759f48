using Autoscaler.Adapters.Nats.Connection;
using Autoscaler.Ingestion;
using Autoscaler.Ingestion.Dispatch;
using Autoscaler.Ingestion.Monitoring;
using Autoscaler.Ingestion.Parsing;
using Autoscaler.Ports.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace Autoscaler.Adapters.Nats.Telemetry.JetStream;

/// <summary>
/// The NATS transport in <c>Telemetry:Mode = jetstream</c>: ensures the telemetry stream and the durable pull consumer all
/// silos share, then reads it. Each message is parsed like a core one and handed to the pipeline with
/// <see cref="TelemetryDispatcher.DeliverAsync(string, ReadOnlyMemory{TelemetrySample}, CancellationToken)"/>; it is
/// acknowledged only once the sink (the target's grain) has applied it. An invalid message is counted and terminated; a
/// delivery that failed or did not fit its queue is negatively acknowledged with <c>NakDelay</c> and comes back; on its
/// last allowed delivery it is terminated and its samples counted as abandoned. A message whose target is unknown starts
/// a catalog read and comes back once; still unknown then, it is rejected. Delivery is at least once: a silo that dies
/// after its grain applied a message but before the acknowledgement reached the server gets it redelivered elsewhere.
/// </summary>
public sealed partial class NatsJetStreamTelemetryService : BackgroundService, ITelemetryTransportHealth
{
    private readonly NatsConnectionHost _host;
    private readonly NatsTelemetryOptions _options;
    private readonly JetStreamTelemetryOptions _stream;
    private readonly TelemetryIngestionOptions _pipeline;
    private readonly TelemetryDispatcher _dispatcher;
    private readonly ITelemetryTargetCatalog? _catalog;
    private readonly TelemetryIngestionCounters _counters;
    private readonly NatsTelemetryCounters _natsCounters;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly TelemetryPayloadParser _parser;
    private readonly TelemetryRejections _rejections;
    private readonly List<TelemetrySample> _samples = [];
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _catalogRead = Task.CompletedTask;
    private volatile bool _stopped;

    /// <summary>Creates the service; it runs only when <c>Telemetry:Mode</c> is <c>jetstream</c>.</summary>
    public NatsJetStreamTelemetryService(
        NatsConnectionHost host,
        IOptions<NatsTelemetryOptions> options,
        IOptions<JetStreamTelemetryOptions> streamOptions,
        IOptions<TelemetryIngestionOptions> pipelineOptions,
        TelemetryDispatcher dispatcher,
        TelemetryIngestionCounters counters,
        NatsTelemetryCounters natsCounters,
        JetStreamTelemetryCounters jetStreamCounters,
        TimeProvider clock,
        ILogger<NatsJetStreamTelemetryService> logger,
        ITelemetryTargetCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(streamOptions);
        ArgumentNullException.ThrowIfNull(pipelineOptions);
        _host = host;
        _options = options.Value;
        _stream = streamOptions.Value;
        _pipeline = pipelineOptions.Value;
        _dispatcher = dispatcher;
        _catalog = catalog;
        _counters = counters;
        _natsCounters = natsCounters;
        Counters = jetStreamCounters;
        _clock = clock;
        _logger = logger;
        _parser = new TelemetryPayloadParser(_pipeline);
        _rejections = new TelemetryRejections(_options, counters, clock, _pipeline.RejectionLogInterval, logger);
    }

    /// <summary>What became of the messages this silo was handed.</summary>
    public JetStreamTelemetryCounters Counters { get; }

    /// <summary>Completes once the stream and the consumer exist and this silo reads from it.</summary>
    public Task Subscribed => _subscribed.Task;

    /// <summary>Readiness: ready only when consuming and connected.</summary>
    public TelemetryIngestionStatus Status =>
        !_options.Enabled || !_host.Enabled || _options.Mode != TelemetryTransportMode.JetStream ? TelemetryIngestionStatus.Disabled
        : _stopped ? TelemetryIngestionStatus.Stopped
        : !_subscribed.Task.IsCompletedSuccessfully ? TelemetryIngestionStatus.Starting
        : _host.Status == NatsConnectionStatus.Connected ? TelemetryIngestionStatus.Ready
        : TelemetryIngestionStatus.Disconnected;

    /// <summary>Adds the JetStream counters.</summary>
    public void AddHealthData(IDictionary<string, object> data) => Counters.AddTo(data);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Status == TelemetryIngestionStatus.Disabled)
        {
            return;
        }

        var connection = _host.Connection!;
        var publisher = new RejectedMessagePublisher(connection, _options.Prefix, _pipeline.MaxMessageBytes, _natsCounters);
        var publishing = _options.RepublishRejected ? publisher.RunAsync(stoppingToken) : Task.CompletedTask;
        try
        {
            var consumer = await JetStreamTopology.EnsureAsync(new NatsJSContext(connection), _stream, _options.Prefix, stoppingToken);
            _subscribed.TrySetResult();
            LogConsuming(_logger, _stream.Stream, _stream.Consumer);
            var consumeOptions = new NatsJSConsumeOpts { MaxMsgs = _stream.PullBatch };
            await foreach (var message in consumer.ConsumeAsync(NatsRawSerializer<NatsMemoryOwner<byte>>.Default, consumeOptions, stoppingToken))
            {
                Handle(message, publisher, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown: what is not acknowledged is redelivered to another silo after AckWait.
        }
        catch (Exception e)
        {
            _subscribed.TrySetException(e);
            LogFailed(_logger, e);
            throw;
        }
        finally
        {
            _stopped = true;
            publisher.Complete();
            await publishing;
        }
    }

    private void Handle(INatsJSMsg<NatsMemoryOwner<byte>> message, RejectedMessagePublisher publisher, CancellationToken stoppingToken)
    {
        var deliveries = message.Metadata?.NumDelivered ?? 1;
        if (deliveries > 1)
        {
            Counters.CountRedelivered();
        }

        using var payload = message.Data;
        var kind = TelemetrySubject.Parse(message.Subject, _options.Prefix, out var targetSpan);
        if (kind == TelemetrySubjectKind.Rejected)
        {
            // A reject this transport republished, captured by the stream too: nothing to apply, not counted.
            _ = message.AckAsync().AsTask();
            return;
        }

        _counters.MessageReceived();
        var body = payload.Memory.Span;
        if (kind == TelemetrySubjectKind.Invalid)
        {
            Reject(message, body, _rejections.InvalidSubject, publisher);
            return;
        }

        var target = _parser.InternTarget(targetSpan);
        if (!_pipeline.AutoRegisterTargets && !(_catalog?.IsKnownTarget(target) ?? false))
        {
            if (_catalog is not null && deliveries == 1)
            {
                ReadCatalogSoon(stoppingToken);
                _ = RequestRedeliveryAsync(message);
                return;
            }

            Reject(message, body, new(TelemetryRejectionReason.UnknownTarget, $"target '{target}' is not registered"), publisher);
            return;
        }

        var receivedAt = _clock.GetUtcNow();
        if (kind == TelemetrySubjectKind.Lifecycle)
        {
            if (_parser.ParseLifecycle(body, receivedAt, out var lifecycle) is { } lifecycleRejection)
            {
                Reject(message, body, lifecycleRejection, publisher);
                return;
            }

            _ = AcknowledgeAsync(message, _dispatcher.DeliverAsync(target, lifecycle!, stoppingToken), 1, deliveries);
            return;
        }

        _samples.Clear();
        if (_parser.ParseSamples(body, receivedAt, _samples) is { } rejection)
        {
            _samples.Clear();
            Reject(message, body, rejection, publisher);
            return;
        }

        // DeliverAsync copies the samples into the target's queue before it returns, so the list is reused.
        var delivery = _dispatcher.DeliverAsync(target, _samples.ToArray(), stoppingToken);
        _ = AcknowledgeAsync(message, delivery, _samples.Count, deliveries);
        _samples.Clear();
    }

    // Acknowledges once the grain applied the message; a failed or overflowed delivery comes back after NakDelay, or
    // is terminated (its samples abandoned) when this was its last allowed delivery. At shutdown nothing is sent: the
    // message is redelivered after AckWait.
    private async Task AcknowledgeAsync(INatsJSMsg<NatsMemoryOwner<byte>> message, Task delivery, int samples, ulong deliveries)
    {
        try
        {
            await delivery;
            await message.AckAsync();
            Counters.CountAcknowledged();
        }
        catch (OperationCanceledException)
        {
            // Shutdown.
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            await SettleFailureAsync(message, samples, deliveries, error);
        }
    }

    private async Task SettleFailureAsync(INatsJSMsg<NatsMemoryOwner<byte>> message, int samples, ulong deliveries, Exception error)
    {
        try
        {
            if (error is TelemetryDeliveryRefusedException || deliveries >= (ulong)_stream.MaxDeliver)
            {
                await message.AckTerminateAsync();
                Counters.CountGivenUp();
                LogGivenUp(_logger, message.Subject, deliveries, error.Message);
                return;
            }

            await message.NakAsync(new AckOpts { NakDelay = _stream.NakDelay });
            Counters.CountRedeliveryRequested();
        }
        catch (Exception ackError) when (ackError is not OutOfMemoryException)
        {
            // Not even the NAK reached the server: it redelivers after AckWait anyway.
            LogAckFailed(_logger, ackError.Message, samples);
        }
    }

    private async Task RequestRedeliveryAsync(INatsJSMsg<NatsMemoryOwner<byte>> message)
    {
        try
        {
            await message.NakAsync(new AckOpts { NakDelay = _stream.NakDelay });
            Counters.CountRedeliveryRequested();
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            LogAckFailed(_logger, error.Message, 0);
        }
    }

    private void ReadCatalogSoon(CancellationToken stoppingToken)
    {
        if (_catalogRead.IsCompleted)
        {
            _catalogRead = ReadCatalogAsync(stoppingToken);
        }
    }

    private async Task ReadCatalogAsync(CancellationToken stoppingToken)
    {
        try
        {
            await _catalog!.RefreshAsync(stoppingToken);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            LogCatalogReadFailed(_logger, error.Message);
        }
    }

    private void Reject(INatsJSMsg<NatsMemoryOwner<byte>> message, ReadOnlySpan<byte> payload, TelemetryRejection rejection, RejectedMessagePublisher publisher)
    {
        _rejections.Reject(message.Subject, payload, rejection, publisher);
        _ = TerminateAsync(message);
    }

    private async Task TerminateAsync(INatsJSMsg<NatsMemoryOwner<byte>> message)
    {
        try
        {
            await message.AckTerminateAsync();
            Counters.CountTerminated();
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            LogAckFailed(_logger, error.Message, 0);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Telemetry ingestion consumes JetStream stream {Stream} with durable consumer {Consumer}")]
    private static partial void LogConsuming(ILogger logger, string stream, string consumer);

    [LoggerMessage(Level = LogLevel.Error, Message = "JetStream telemetry ingestion stopped on an error")]
    private static partial void LogFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telemetry ingestion could not read the target catalog again: {Error}")]
    private static partial void LogCatalogReadFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave up telemetry message on {Subject} after {Deliveries} deliveries: {Error}")]
    private static partial void LogGivenUp(ILogger logger, string subject, ulong deliveries, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not acknowledge a telemetry message ({Samples} samples); the server redelivers it after AckWait: {Error}")]
    private static partial void LogAckFailed(ILogger logger, string error, int samples);
}
