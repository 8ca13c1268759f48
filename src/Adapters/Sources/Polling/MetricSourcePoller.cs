using Autoscaler.Ingestion.Dispatch;
using Autoscaler.Ports.Sources;
using Autoscaler.Ports.Telemetry;
using Microsoft.Extensions.Logging;

namespace Autoscaler.Adapters.Sources.Polling;

/// <summary>
/// The failure policy of one pull source, one poll at a time (the polling service calls <see cref="PollOnceAsync"/> on
/// the interval; calls never overlap). A read that fails or exceeds the timeout keeps the last good values alive for
/// <c>StaleAfterFailures</c> polls, delivered again with the poll's time; after that nothing is delivered, so the
/// engine treats the instances as reporting no data. An Empty read is an answer, not a failure: nothing is delivered
/// and nothing is held. Samples go through the telemetry pipeline's per-target queue, behind what NATS and HTTP queued
/// for the same target, and each poll waits for the sink's answer, so a refused delivery is still seen here.
/// </summary>
public sealed class MetricSourcePoller
{
    private readonly IMetricSource _source;
    private readonly MetricSourceOptions _options;
    private readonly TelemetryDispatcher _dispatcher;
    private readonly ITelemetryTargetCatalog? _catalog;
    private readonly TimeProvider _clock;
    private readonly MetricSourceCounters _counters;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private MetricSourceStatus _status;
    private IReadOnlyList<TelemetrySample> _held = [];

    /// <summary>Creates the poller; without a <paramref name="catalog"/> every target is delivered to.</summary>
    public MetricSourcePoller(
        string name,
        IMetricSource source,
        MetricSourceOptions options,
        TelemetryDispatcher dispatcher,
        TimeProvider clock,
        MetricSourceCounters counters,
        ILogger logger,
        ITelemetryTargetCatalog? catalog = null)
    {
        Name = name;
        _source = source;
        _options = options;
        _dispatcher = dispatcher;
        _catalog = catalog;
        _clock = clock;
        _counters = counters;
        _logger = logger;
        _status = new MetricSourceStatus(name, 0, 0, 0, null, null, null);
    }

    /// <summary>The source's name (<c>N:kind:target/metric</c>).</summary>
    public string Name { get; }

    /// <summary>The source it reads.</summary>
    public IMetricSource Source => _source;

    /// <summary>The options it polls with.</summary>
    public MetricSourceOptions Options => _options;

    /// <summary>The current state.</summary>
    public MetricSourceStatus Status
    {
        get
        {
            lock (_gate)
            {
                return _status;
            }
        }
    }

    /// <summary>Reads the source once (bounded by the timeout), applies the failure policy and delivers.</summary>
    public async Task<PollOutcome> PollOnceAsync(CancellationToken cancellationToken)
    {
        var result = await ReadAsync(cancellationToken);
        var now = _clock.GetUtcNow();
        TelemetrySample[]? samples = null;
        if (result.Kind == MetricSourceResultKind.Ok && (samples = ToSamples(result.Readings, now, out var duplicate)) is null)
        {
            result = MetricSourceResult.Failed($"two values for instance '{duplicate}': aggregate them in the query");
        }

        Record(result, now);
        switch (result.Kind)
        {
            case MetricSourceResultKind.Ok:
                _held = samples!;
                return await DeliverAsync(samples!, PollOutcome.Delivered, cancellationToken);
            case MetricSourceResultKind.Empty:
                _held = [];
                return PollOutcome.Empty;
            default:
                var failures = Status.ConsecutiveFailures;
                _logger.LogWarning("Metric source {Source} failed ({Failures} in a row): {Message}", Name, failures, result.Message);
                if (failures > _options.StaleAfterFailures || _held.Count == 0)
                {
                    _held = [];
                    return PollOutcome.Stale;
                }

                var restamped = _held.Select(s => s with { Timestamp = now }).ToArray();
                return await DeliverAsync(restamped, PollOutcome.HeldLastValue, cancellationToken);
        }
    }

    private async Task<MetricSourceResult> ReadAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.Timeout, _clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await _source.ReadAsync(linked.Token).WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return MetricSourceResult.Failed($"no answer within the timeout of {_options.Timeout}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Sources report failures as results; an exception is a bug or an unexpected error, still only this source's.
            return MetricSourceResult.Failed($"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private TelemetrySample[]? ToSamples(IReadOnlyList<SourceReading> readings, DateTimeOffset now, out string? duplicate)
    {
        duplicate = null;
        var bySource = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        foreach (var reading in readings)
        {
            // An aggregate value has no instance: it is reported under the metric's own name.
            var source = string.IsNullOrEmpty(reading.Instance) ? _options.Metric : reading.Instance;
            if (!bySource.TryGetValue(source, out var metrics))
            {
                bySource[source] = metrics = new Dictionary<string, double>(StringComparer.Ordinal);
            }

            if (!metrics.TryAdd(reading.Name, reading.Value))
            {
                duplicate = source;
                return null;
            }
        }

        return [.. bySource.Select(pair => new TelemetrySample(pair.Key, now, pair.Value))];
    }

    private void Record(MetricSourceResult result, DateTimeOffset now)
    {
        var failed = result.Kind == MetricSourceResultKind.Failed;
        lock (_gate)
        {
            _status = _status with
            {
                Polls = _status.Polls + 1,
                Failures = _status.Failures + (failed ? 1 : 0),
                ConsecutiveFailures = failed ? _status.ConsecutiveFailures + 1 : 0,
                LastKind = result.Kind,
                LastMessage = result.Message,
                LastSuccessAt = result.Kind == MetricSourceResultKind.Ok ? now : _status.LastSuccessAt,
            };
        }

        _counters.Poll(Name, result.Kind switch
        {
            MetricSourceResultKind.Ok => "ok",
            MetricSourceResultKind.Empty => "empty",
            _ => "failed",
        });
    }

    private async Task<PollOutcome> DeliverAsync(TelemetrySample[] samples, PollOutcome outcome, CancellationToken cancellationToken)
    {
        if (_catalog is not null && !_catalog.IsKnownTarget(_options.Target))
        {
            _counters.DeliveryFailure(Name);
            _logger.LogWarning("Metric source {Source}: target {Target} is not registered; samples dropped", Name, _options.Target);
            return PollOutcome.DeliveryFailed;
        }

        try
        {
            await _dispatcher.DeliverAsync(_options.Target, samples, cancellationToken);
            _counters.Samples(Name, samples.Length);
            return outcome;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _counters.DeliveryFailure(Name);
            _logger.LogWarning(ex, "Metric source {Source}: delivery to {Target} failed", Name, _options.Target);
            return PollOutcome.DeliveryFailed;
        }
    }
}
