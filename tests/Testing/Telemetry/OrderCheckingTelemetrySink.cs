using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Autoscaler.Ports.Telemetry;

namespace Autoscaler.Testing.Telemetry;

/// <summary>
/// Checks <see cref="ITelemetrySink"/>'s promise: every call for a target enters an interlocked per-target counter and
/// stays in it across an await, so a second call for the same target arriving meanwhile is seen as an overlap. Records
/// the samples per target in the order the calls brought them.
/// </summary>
public sealed class OrderCheckingTelemetrySink : ITelemetrySink
{
    private readonly ConcurrentDictionary<string, StrongBox<int>> _inFlight = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<TelemetrySample>> _received = new(StringComparer.Ordinal);
    private readonly List<(Func<OrderCheckingTelemetrySink, bool> Condition, TaskCompletionSource Done)> _waiters = [];
    private int _overlaps;
    private int _calls;

    /// <summary>Calls that started while another call for the same target was still running (the promise says 0).</summary>
    public int Overlaps => Volatile.Read(ref _overlaps);

    /// <summary>Sink calls so far (samples and lifecycle).</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>The samples delivered for <paramref name="target"/>, in arrival order.</summary>
    public IReadOnlyList<TelemetrySample> For(string target)
    {
        lock (_gate)
        {
            return _received.TryGetValue(target, out var samples) ? [.. samples] : [];
        }
    }

    /// <inheritdoc />
    public async ValueTask DeliverAsync(string target, ReadOnlyMemory<TelemetrySample> batch, CancellationToken cancellationToken)
    {
        var inFlight = Enter(target);
        try
        {
            // Give an overlapping call the time to show: the pump's thread is released here.
            await Task.Yield();
            lock (_gate)
            {
                if (!_received.TryGetValue(target, out var samples))
                {
                    _received[target] = samples = [];
                }

                samples.AddRange(batch.Span);
            }
        }
        finally
        {
            Interlocked.Decrement(ref inFlight.Value);
        }

        Notify();
    }

    /// <inheritdoc />
    public async ValueTask DeliverLifecycleAsync(string target, AgentLifecycleEvent lifecycle, CancellationToken cancellationToken)
    {
        var inFlight = Enter(target);
        try
        {
            await Task.Yield();
        }
        finally
        {
            Interlocked.Decrement(ref inFlight.Value);
        }

        Notify();
    }

    /// <summary>Completes once <paramref name="condition"/> holds after a delivery (or already holds); fails after <paramref name="timeout"/>.</summary>
    public Task WaitUntilAsync(Func<OrderCheckingTelemetrySink, bool> condition, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add((condition, done));
        }

        Notify();
        return done.Task.WaitAsync(timeout);
    }

    private StrongBox<int> Enter(string target)
    {
        Interlocked.Increment(ref _calls);
        var inFlight = _inFlight.GetOrAdd(target, static _ => new StrongBox<int>());
        if (Interlocked.Increment(ref inFlight.Value) > 1)
        {
            Interlocked.Increment(ref _overlaps);
        }

        return inFlight;
    }

    private void Notify()
    {
        List<(Func<OrderCheckingTelemetrySink, bool> Condition, TaskCompletionSource Done)> waiters;
        lock (_gate)
        {
            waiters = [.. _waiters];
        }

        foreach (var waiter in waiters.Where(w => w.Condition(this)))
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }

            waiter.Done.TrySetResult();
        }
    }
}
