using Autoscaler.Ports.Telemetry;
using Autoscaler.Scaling.Metrics;
using Autoscaler.Scaling.Windows;

namespace Autoscaler.Adapters.Tests.Nats.JetStream;

/// <summary>
/// Plays one target's grain for every silo of a test: applies each delivered sample through the duplicate filter into a
/// real metric window, counts every application (duplicates included), and signals once a number of distinct samples
/// was applied. A silo's deliveries can be held after they were applied (a silo that dies before it acknowledges).
/// </summary>
internal sealed class WindowedSink
{
    private readonly Lock _gate = new();
    private readonly DuplicateSampleFilter _filter = new(4096);
    private readonly MetricWindow _window = new();
    private readonly HashSet<(string, long)> _distinct = [];
    private readonly TaskCompletionSource _complete = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _expected;

    public WindowedSink(int expected) => _expected = expected;

    /// <summary>Every sample application, duplicates included.</summary>
    public int Applied { get; private set; }

    public long Duplicates => _filter.Duplicates;

    public Task Complete => _complete.Task;

    public int Distinct
    {
        get
        {
            lock (_gate)
            {
                return _distinct.Count;
            }
        }
    }

    /// <summary>Samples the window counts in the five minutes before <paramref name="now"/>.</summary>
    public double CountedInWindow(DateTimeOffset now)
    {
        lock (_gate)
        {
            return _window.Aggregate(Aggregation.Count, TimeSpan.FromMinutes(5), now).Value;
        }
    }

    /// <summary>A sink for one silo; with <paramref name="holdAfterApplying"/> its calls never return once applied.</summary>
    public ITelemetrySink ForSilo(TaskCompletionSource? holdAfterApplying = null) => new Silo(this, holdAfterApplying);

    private void Apply(ReadOnlySpan<TelemetrySample> batch)
    {
        lock (_gate)
        {
            foreach (var sample in batch)
            {
                Applied++;
                _distinct.Add((sample.Source, sample.Timestamp.UtcTicks));
                if (_filter.Admit(sample.Source, sample.Timestamp.UtcTicks, sample.Metrics))
                {
                    _window.Record(sample.Source, sample.Timestamp, sample.Metrics["rps"]);
                }
            }

            if (_distinct.Count >= _expected)
            {
                _complete.TrySetResult();
            }
        }
    }

    private sealed class Silo(WindowedSink owner, TaskCompletionSource? held) : ITelemetrySink
    {
        public async ValueTask DeliverAsync(string target, ReadOnlyMemory<TelemetrySample> batch, CancellationToken cancellationToken)
        {
            owner.Apply(batch.Span);
            if (held is not null)
            {
                held.TrySetResult();
                // Held: this delivery never completes (its message stays unacknowledged) until the silo stops.
                await new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously).Task.WaitAsync(cancellationToken);
            }
        }

        public ValueTask DeliverLifecycleAsync(string target, AgentLifecycleEvent lifecycle, CancellationToken cancellationToken) =>
            ValueTask.CompletedTask;
    }
}
