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
/// <c>{prefix}.rejected</c>. The reader never waits on the sink or on a publish.
/// </summary>
public sealed partial class NatsTelemetryIngestionService : BackgroundService, ITelemetryTransportHealth
{
    private static readonly int ReasonCount = Enum.GetValues<TelemetryRejectionReason>().Length;
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
    private readonly LogSampler _rejectionLog;
    private readonly List<TelemetrySample> _samples = [];
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
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
        _rejectionLog = new LogSampler(clock, _pipeline.RejectionLogInterval, ReasonCount);
    }

    /// <summary>Completes once the subscription is registered with the server (tests and start-up probes wait on it).</summary>
    public Task Subscribed => _subscribed.Task;

    /// <summary>Readiness: ready only when subscribed and connected.</summary>
    public TelemetryIngestionStatus Status =>
        !_options.Enabled || !_host.Enabled ? TelemetryIngestionStatus.Disabled
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
        while (await messages.WaitToReadAsync(stoppingToken))
        {
            while (messages.TryRead(out var message))
            {
                using var payload = message.Data;
                Handle(message.Subject, payload.Memory.Span, publisher);
            }
        }
    }

    private void Handle(string subject, ReadOnlySpan<byte> payload, RejectedMessagePublisher publisher)
    {
        var kind = TelemetrySubject.Parse(subject, _options.Prefix, out var targetSpan);
        if (kind == TelemetrySubjectKind.Rejected)
        {
            return;
        }

        _counters.MessageReceived();
        TelemetryRejection? rejection;
        if (kind == TelemetrySubjectKind.Invalid)
        {
            rejection = new(TelemetryRejectionReason.InvalidSubject,
                $"subject must be {_options.Prefix}.{{target}} or {_options.Prefix}.{{target}}.lifecycle with a target of letters, digits, '-' or '_'");
        }
        else
        {
            var target = _parser.InternTarget(targetSpan);
            rejection = IsAccepted(target)
                ? Parse(target, kind, payload)
                : new(TelemetryRejectionReason.UnknownTarget, $"target '{target}' is not registered");
        }

        if (rejection is { } rejected)
        {
            Reject(subject, payload, rejected, publisher);
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

    private void Reject(string subject, ReadOnlySpan<byte> payload, TelemetryRejection rejection, RejectedMessagePublisher publisher)
    {
        _counters.Rejected(rejection);
        if (_options.RepublishRejected)
        {
            publisher.Enqueue(subject, payload, rejection);
        }

        if (_rejectionLog.ShouldLog((int)rejection.Reason, out var suppressed))
        {
            LogRejected(_logger, subject, rejection.Reason, rejection.Message, suppressed);
        }
    }

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

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Rejected telemetry on {Subject}: {Reason}: {Detail} ({Suppressed} similar rejections not logged)")]
    private static partial void LogRejected(ILogger logger, string subject, TelemetryRejectionReason reason, string detail, long suppressed);
}
