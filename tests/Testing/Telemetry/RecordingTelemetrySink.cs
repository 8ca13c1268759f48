using Autoscaler.Ports.Telemetry;

namespace Autoscaler.Testing.Telemetry;

/// <summary>
/// The port's consumer for tests: records what ingestion delivers, lets a test wait for a count, and can hold one
/// target's deliveries behind a gate to play a slow sink.
/// </summary>
public sealed class RecordingTelemetrySink : ITelemetrySink
{
    private readonly Lock _gate = new();
    private readonly List<(string Target, TelemetrySample Sample)> _samples = [];
    private readonly List<(string Target, AgentLifecycleEvent Lifecycle)> _lifecycle = [];
    private readonly List<(string Target, int Count, TaskCompletionSource Done)> _waiters = [];

    /// <summary>When set, deliveries for <see cref="SlowTarget"/> wait for this task.</summary>
    public Task? Hold { get; set; }

    public string? SlowTarget { get; set; }

    /// <summary>Completes when a delivery for <see cref="SlowTarget"/> is waiting on <see cref="Hold"/>.</summary>
    public TaskCompletionSource HoldEntered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Calls { get; private set; }

    public IReadOnlyList<(string Target, TelemetrySample Sample)> Samples
    {
        get
        {
            lock (_gate)
            {
                return [.. _samples];
            }
        }
    }

    public IReadOnlyList<(string Target, AgentLifecycleEvent Lifecycle)> Lifecycle
    {
        get
        {
            lock (_gate)
            {
                return [.. _lifecycle];
            }
        }
    }

    public async ValueTask DeliverAsync(string target, ReadOnlyMemory<TelemetrySample> batch, CancellationToken cancellationToken)
    {
        if (Hold is { } hold && target == SlowTarget)
        {
            HoldEntered.TrySetResult();
            await hold.WaitAsync(cancellationToken);
        }

        lock (_gate)
        {
            Calls++;
            foreach (var sample in batch.Span)
            {
                _samples.Add((target, sample));
            }

            Notify();
        }
    }

    public ValueTask DeliverLifecycleAsync(string target, AgentLifecycleEvent lifecycle, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _lifecycle.Add((target, lifecycle));
            _samples.Add((target, new TelemetrySample(lifecycle.Source, lifecycle.At, new Dictionary<string, double> { ["lifecycle"] = 1 })));
            Notify();
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Waits until at least <paramref name="count"/> items (samples + lifecycle) arrived for <paramref name="target"/>.</summary>
    public Task WaitForAsync(string target, int count)
    {
        lock (_gate)
        {
            if (CountFor(target) >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((target, count, done));
            return done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    public List<TelemetrySample> For(string target) => Samples.Where(s => s.Target == target).Select(s => s.Sample).ToList();

    private int CountFor(string target) => _samples.Count(s => s.Target == target);

    private void Notify()
    {
        foreach (var waiter in _waiters.ToList())
        {
            if (CountFor(waiter.Target) >= waiter.Count)
            {
                waiter.Done.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }
}
