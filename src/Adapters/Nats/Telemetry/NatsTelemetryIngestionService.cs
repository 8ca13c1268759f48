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

namespace Autoscaler.Adapters.Nats.Telemetry;

/// <summary>
/// The NATS transport: subscribes <c>{prefix}.&gt;</c> in a queue group, validates each message straight from the
/// received buffer with the pipeline's parser, and hands valid samples to the <see cref="ITelemetrySink"/> through the
/// pipeline's per-target bounded queues. Rejects are counted by reason, logged at a sampled rate and republished on
/// <c>{prefix}.rejected</c>. The reader never waits on the sink or on a publish. A message for a target the catalog does
/// not know is held (<see cref="ParkedMessages"/>, bounded) until the catalog is read again, and rejected as
/// <c>UnknownTarget</c> only if the target is still unknown then: a target registered a moment ago through another silo
/// is not refused for its first messages.
/// </summary>
public sealed partial class NatsTelemetryIngestionService : BackgroundService, ITelemetryTransportHealth
{
    private readonly NatsConnectionHost _host;
    private readonly NatsTelemetryOptions _options;
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
    private readonly ParkedMessages _parked = new(maxMessages: 10_000, maxBytes: 16 * 1024 * 1024);
    private Task? _catalogRead;
    private long _catalogReadCovers;
    private long _lastCatalogRead = -100;
    private volatile bool _stopped;

    /// <summary>
    /// Creates the service; valid telemetry goes through the shared <paramref name="dispatcher"/> (the one other transports
    /// use too, so a target's sink calls never overlap). Without a catalog only <c>AutoRegisterTargets</c> lets targets in.
    /// </summary>
    public NatsTelemetryIngestionService(
        NatsConnectionHost host,
        IOptions<NatsTelemetryOptions> options,
        IOptions<TelemetryIngestionOptions> pipelineOptions,
        TelemetryDispatcher dispatcher,
        TelemetryIngestionCounters counters,
        NatsTelemetryCounters natsCounters,
        TimeProvider clock,
        ILogger<NatsTelemetryIngestionService> logger,
        ITelemetryTargetCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(pipelineOptions);
        _host = host;
        _options = options.Value;
        _pipeline = pipelineOptions.Value;
        _dispatcher = dispatcher;
        _catalog = catalog;
        _counters = counters;
        _natsCounters = natsCounters;
        _clock = clock;
        _logger = logger;
        _parser = new TelemetryPayloadParser(_pipeline);
        _rejections = new TelemetryRejections(_options, counters, clock, _pipeline.RejectionLogInterval, logger);
    }

    /// <summary>Completes once the subscription is registered with the server (tests and start-up probes wait on it).</summary>
    public Task Subscribed => _subscribed.Task;

    /// <summary>Readiness: ready only when subscribed and connected.</summary>
    public TelemetryIngestionStatus Status =>
        !_options.Enabled || !_host.Enabled || _options.Mode != TelemetryTransportMode.Core ? TelemetryIngestionStatus.Disabled
        : _stopped ? TelemetryIngestionStatus.Stopped
        : !_subscribed.Task.IsCompletedSuccessfully ? TelemetryIngestionStatus.Starting
        : _host.Status == NatsConnectionStatus.Connected ? TelemetryIngestionStatus.Ready
        : TelemetryIngestionStatus.Disconnected;

    /// <summary>Adds <c>clientDropped</c>: messages the NATS client dropped on a full subscription buffer.</summary>
    public void AddHealthData(IDictionary<string, object> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        data["clientDropped"] = _natsCounters.ClientDropped;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Status == TelemetryIngestionStatus.Disabled)
        {
            LogDisabled(_logger);
            return;
        }

        var connection = _host.Connection!;
        var subject = $"{_options.Prefix}.>";
        var publisher = new RejectedMessagePublisher(connection, _options.Prefix, _pipeline.MaxMessageBytes, _natsCounters);
        var publishing = _options.RepublishRejected ? publisher.RunAsync(stoppingToken) : Task.CompletedTask;
        if (connection is NatsConnection concrete)
        {
            concrete.MessageDropped += OnMessageDroppedAsync;
        }

        try
        {
            var subscriptionOptions = new NatsSubOpts
            {
                ChannelOpts = new NatsSubChannelOpts { Capacity = _options.SubscriptionCapacity, FullMode = System.Threading.Channels.BoundedChannelFullMode.DropNewest },
            };
            await using var subscription = await connection.SubscribeCoreAsync(
                subject, _options.QueueGroup, NatsRawSerializer<NatsMemoryOwner<byte>>.Default, subscriptionOptions, stoppingToken);
            await connection.PingAsync(stoppingToken);
            _subscribed.TrySetResult();
            LogSubscribed(_logger, subject, _options.QueueGroup);
            await ReadAsync(subscription, publisher, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
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
            if (connection is NatsConnection subscribedConnection)
            {
                subscribedConnection.MessageDropped -= OnMessageDroppedAsync;
            }

            // Queued samples drain when the dispatcher is disposed with the container, after every transport stopped.
            publisher.Complete();
            await publishing;
        }
    }

    private async Task ReadAsync(
        INatsSub<NatsMemoryOwner<byte>> subscription, RejectedMessagePublisher publisher, CancellationToken stoppingToken)
    {
        var messages = subscription.Msgs;
        while (await WaitAsync(messages, stoppingToken))
        {
            ReplayParked(publisher, stoppingToken);
            while (messages.TryRead(out var message))
            {
                using var payload = message.Data;
                Handle(message.Subject, payload.Memory.Span, publisher, stoppingToken);
            }
        }
    }

    // Waits for messages; while messages are parked, also returns (true, nothing to read) once the catalog read they
    // wait for has ended. False when the subscription completed.
    private async ValueTask<bool> WaitAsync(System.Threading.Channels.ChannelReader<NatsMsg<NatsMemoryOwner<byte>>> messages, CancellationToken stoppingToken)
    {
        if (_parked.Count == 0 || _catalogRead is null)
        {
            return await messages.WaitToReadAsync(stoppingToken);
        }

        var read = _catalogRead;
        if (read.IsCompleted)
        {
            return true;
        }

        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var waiting = messages.WaitToReadAsync(wake.Token).AsTask();
        if (await Task.WhenAny(waiting, read) == waiting)
        {
            return await waiting;
        }

        await wake.CancelAsync();
        try
        {
            return await waiting;
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return true;
        }
    }

    private void Handle(string subject, ReadOnlySpan<byte> payload, RejectedMessagePublisher publisher, CancellationToken stoppingToken)
    {
        var kind = TelemetrySubject.Parse(subject, _options.Prefix, out var targetSpan);
        if (kind == TelemetrySubjectKind.Rejected)
        {
            return;
        }

        _counters.MessageReceived();
        if (kind == TelemetrySubjectKind.Invalid)
        {
            _rejections.Reject(subject, payload, _rejections.InvalidSubject, publisher);
            return;
        }

        var target = _parser.InternTarget(targetSpan);
        var known = IsAccepted(target);
        if ((!known || _parked.Holds(target)) && _catalog is not null && !_pipeline.AutoRegisterTargets
            && _parked.TryPark(subject, kind, target, payload))
        {
            ReadCatalogSoon(stoppingToken);
            return;
        }

        Accept(subject, kind, target, known, payload, publisher);
    }

    private void Accept(string subject, TelemetrySubjectKind kind, string target, bool known, ReadOnlySpan<byte> payload, RejectedMessagePublisher publisher)
    {
        var rejection = known ? Parse(target, kind, payload) : new(TelemetryRejectionReason.UnknownTarget, $"target '{target}' is not registered");
        if (rejection is { } rejected)
        {
            _rejections.Reject(subject, payload, rejected, publisher);
        }
    }

    // Once the catalog read the parked messages wait for has ended: each is handled as it would have been (its target
    // now known), rejected (unknown to a read that started after it was parked), or parked again for the next read.
    private void ReplayParked(RejectedMessagePublisher publisher, CancellationToken stoppingToken)
    {
        if (_parked.Count == 0 || _catalogRead is not { IsCompleted: true })
        {
            return;
        }

        var covers = _catalogReadCovers;
        _catalogRead = null;
        foreach (var message in _parked.TakeAll())
        {
            var known = IsAccepted(message.Target);
            if ((known && !_parked.Holds(message.Target)) || message.Sequence < covers
                || !_parked.TryPark(message.Subject, message.Kind, message.Target, message.Payload))
            {
                Accept(message.Subject, message.Kind, message.Target, known, message.Payload, publisher);
            }
        }

        if (_parked.Count > 0)
        {
            ReadCatalogSoon(stoppingToken);
        }
    }

    // One catalog read at a time, at most every 100 ms (a flood of unknown targets costs a few directory reads, not one
    // per message); it covers the messages parked before it starts.
    private void ReadCatalogSoon(CancellationToken stoppingToken)
    {
        if (_catalogRead is not null)
        {
            return;
        }

        // Real time, not the injected clock: this only spaces directory reads, it stamps nothing.
        var sinceLast = Environment.TickCount64 - _lastCatalogRead;
        var wait = sinceLast >= 100 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(100 - sinceLast);
        _catalogReadCovers = _parked.NextSequence;
        _catalogRead = ReadCatalogAsync(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, stoppingToken);
    }

    private async Task ReadCatalogAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, stoppingToken);
            }

            _lastCatalogRead = Environment.TickCount64;
            await _catalog!.RefreshAsync(stoppingToken);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // The parked messages are handled with the catalog as it is (unknown targets rejected).
            LogCatalogReadFailed(_logger, error.Message);
        }
    }

    private TelemetryRejection? Parse(string target, TelemetrySubjectKind kind, ReadOnlySpan<byte> payload)
    {
        var receivedAt = _clock.GetUtcNow();
        if (kind == TelemetrySubjectKind.Lifecycle)
        {
            var lifecycleRejection = _parser.ParseLifecycle(payload, receivedAt, out var lifecycle);
            if (lifecycleRejection is null)
            {
                _dispatcher.Enqueue(target, lifecycle!);
            }

            return lifecycleRejection;
        }

        _samples.Clear();
        var rejection = _parser.ParseSamples(payload, receivedAt, _samples);
        if (rejection is null)
        {
            _dispatcher.Enqueue(target, _samples);
        }

        _samples.Clear();
        return rejection;
    }

    private bool IsAccepted(string target) => _pipeline.AutoRegisterTargets || (_catalog?.IsKnownTarget(target) ?? false);

    private ValueTask OnMessageDroppedAsync(object? sender, NatsMessageDroppedEventArgs args)
    {
        if (args.Subject.StartsWith(_options.Prefix, StringComparison.Ordinal))
        {
            _natsCounters.CountClientDropped();
        }

        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Telemetry ingestion is disabled (Telemetry:Enabled is false or Nats:Url is empty)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telemetry ingestion subscribed to {Subject} in queue group {QueueGroup}")]
    private static partial void LogSubscribed(ILogger logger, string subject, string queueGroup);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telemetry ingestion stopped on an error")]
    private static partial void LogFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telemetry ingestion could not read the target catalog again: {Error}")]
    private static partial void LogCatalogReadFailed(ILogger logger, string error);
}
