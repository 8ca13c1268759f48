using System.Threading.Channels;
using Autoscaler.Grains.Interfaces;
using Microsoft.Extensions.Logging;
using Autoscaler.Ports.Decisions;

namespace Autoscaler.Client;

/// <summary>
/// One live subscription to the scaling event hub: an observer reference registered with the hub and renewed on a timer
/// (the hub forgets unrenewed subscriptions, and loses them all if it is deactivated). Handlers run one at a time, in the
/// order events reach this client, on a pump of their own so a slow handler never blocks the Orleans client. Delivery is
/// at most once and the hub's one-way calls do not guarantee order across events: order by <see cref="DecisionRecord.At"/>
/// where it matters.
/// </summary>
internal sealed partial class ScalingEventSubscription : IScalingEventObserver, IAsyncDisposable
{
    private readonly IClusterClient _cluster;
    private readonly string? _target;
    private readonly Func<DecisionRecord, Task> _handler;
    private readonly ILogger _logger;
    private readonly Channel<DecisionRecord> _inbox = Channel.CreateUnbounded<DecisionRecord>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private IScalingEventObserver? _reference;
    private ITimer? _renewal;
    private Task _pump = Task.CompletedTask;

    private ScalingEventSubscription(IClusterClient cluster, string? target, Func<DecisionRecord, Task> handler, ILogger logger)
    {
        _cluster = cluster;
        _target = target;
        _handler = handler;
        _logger = logger;
    }

    private IScalingEventHubGrain Hub => _cluster.GetGrain<IScalingEventHubGrain>(IScalingEventHubGrain.Key);

    public static async Task<ScalingEventSubscription> StartAsync(
        IClusterClient cluster,
        string? target,
        Func<DecisionRecord, Task> handler,
        TimeSpan renewal,
        TimeProvider clock,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var subscription = new ScalingEventSubscription(cluster, target, handler, logger);
        subscription._pump = Task.Run(subscription.PumpAsync, CancellationToken.None);
        subscription._reference = cluster.CreateObjectReference<IScalingEventObserver>(subscription);
        await subscription.Hub.SubscribeAsync(subscription._reference, target).WaitAsync(cancellationToken);
        subscription._renewal = clock.CreateTimer(_ => subscription.Renew(), null, renewal, renewal);
        return subscription;
    }

    public Task OnScalingEventAsync(DecisionRecord record)
    {
        _inbox.Writer.TryWrite(record);
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync();
        _inbox.Writer.TryComplete();
        if (_renewal is not null)
        {
            await _renewal.DisposeAsync();
        }

        if (_reference is not null)
        {
            try
            {
                await Hub.UnsubscribeAsync(_reference).WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception error) when (error is OrleansException or TimeoutException or InvalidOperationException)
            {
                // The hub expires the subscription on its own; unsubscribing is a courtesy.
                LogUnsubscribeFailed(_logger, error.Message);
            }

            _cluster.DeleteObjectReference<IScalingEventObserver>(_reference);
        }

        // Events already received are still handed over before disposal completes.
        await _pump;
        _stopping.Dispose();
    }

    private async Task PumpAsync()
    {
        await foreach (var record in _inbox.Reader.ReadAllAsync())
        {
            try
            {
                await _handler(record);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                // A failing handler must not end the subscription; the application sees it in its logs.
                LogHandlerFailed(_logger, record.Target, record.Id, error);
            }
        }
    }

    private void Renew()
    {
        if (_reference is null || _stopping.IsCancellationRequested)
        {
            return;
        }

        Hub.SubscribeAsync(_reference, _target).ContinueWith(
            task => LogRenewFailed(_logger, task.Exception!.GetBaseException().Message),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted,
            TaskScheduler.Default);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scaling event handler failed for {Target} event {EventId}")]
    private static partial void LogHandlerFailed(ILogger logger, string target, string eventId, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the scaling event subscription failed: {Reason}; retrying at the next renewal")]
    private static partial void LogRenewFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Unsubscribing from scaling events failed: {Reason}")]
    private static partial void LogUnsubscribeFailed(ILogger logger, string reason);
}
