using System.Buffers;
using System.Threading.Channels;
using Autoscaler.Ports.Telemetry;

namespace Autoscaler.Adapters.Nats.Telemetry;

/// <summary>
/// One target's bounded queue and the pump that hands it to the sink in batches. Writers never wait: a full queue
/// refuses the item and the caller counts it as overflow. The batch buffer is rented only while there is something to
/// hand over, so a target between messages holds none (a buffer of its own was 2 KB of every target's memory).
/// </summary>
internal sealed class TargetQueue
{
    private readonly Channel<TelemetryItem> _channel;
    private readonly string _target;
    private readonly ITelemetrySink _sink;
    private readonly TelemetryIngestionCounters _counters;
    private readonly Action<string, Exception> _onSinkFailure;
    private readonly int _maxBatch;

    public TargetQueue(
        string target, int capacity, int maxBatch, ITelemetrySink sink, TelemetryIngestionCounters counters, Action<string, Exception> onSinkFailure)
    {
        _target = target;
        _sink = sink;
        _counters = counters;
        _onSinkFailure = onSinkFailure;
        _maxBatch = maxBatch;
        _channel = Channel.CreateBounded<TelemetryItem>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait, // with TryWrite: refuse, never block and never evict silently
        });
    }

    public Task Pump { get; private set; } = Task.CompletedTask;

    public int Depth => _channel.Reader.Count;

    public void Start(CancellationToken cancellationToken) => Pump = Task.Run(() => RunAsync(cancellationToken), CancellationToken.None);

    public bool TryWrite(TelemetryItem item) => _channel.Writer.TryWrite(item);

    public void Complete() => _channel.Writer.TryComplete();

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var reader = _channel.Reader;
        try
        {
            while (await reader.WaitToReadAsync(cancellationToken))
            {
                var batch = ArrayPool<TelemetrySample>.Shared.Rent(_maxBatch);
                try
                {
                    var count = 0;
                    while (count < _maxBatch && reader.TryRead(out var item))
                    {
                        if (item.Lifecycle is { } lifecycle)
                        {
                            await FlushAsync(batch, count, cancellationToken);
                            count = 0;
                            await DeliverLifecycleAsync(lifecycle, cancellationToken);
                        }
                        else
                        {
                            batch[count++] = item.Sample!;
                        }
                    }

                    await FlushAsync(batch, count, cancellationToken);
                }
                finally
                {
                    // Cleared: a pooled array must not keep samples alive.
                    ArrayPool<TelemetrySample>.Shared.Return(batch, clearArray: true);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown after the drain deadline: what is still queued is dropped with the process.
        }
    }

    private async ValueTask FlushAsync(TelemetrySample[] batch, int count, CancellationToken cancellationToken)
    {
        if (count == 0)
        {
            return;
        }

        try
        {
            await _sink.DeliverAsync(_target, batch.AsMemory(0, count), cancellationToken);
            _counters.Delivered(count);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _counters.SinkFailed();
            _onSinkFailure(_target, e);
        }
        finally
        {
            Array.Clear(batch, 0, count);
        }
    }

    private async ValueTask DeliverLifecycleAsync(AgentLifecycleEvent lifecycle, CancellationToken cancellationToken)
    {
        try
        {
            await _sink.DeliverLifecycleAsync(_target, lifecycle, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _counters.SinkFailed();
            _onSinkFailure(_target, e);
        }
    }
}
