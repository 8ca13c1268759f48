using Autoscaler.Ports.Telemetry;

namespace Autoscaler.Telemetry.Benchmarks;

/// <summary>A sink that only counts, and completes a task when the expected number of samples arrived.</summary>
internal sealed class CountingSink(long expected) : ITelemetrySink
{
    private long _samples;
    private long _calls;

    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long Samples => Interlocked.Read(ref _samples);

    public long Calls => Interlocked.Read(ref _calls);

    public ValueTask DeliverAsync(string target, ReadOnlyMemory<TelemetrySample> batch, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        if (Interlocked.Add(ref _samples, batch.Length) >= expected)
        {
            Done.TrySetResult();
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask DeliverLifecycleAsync(string target, AgentLifecycleEvent lifecycle, CancellationToken cancellationToken) =>
        ValueTask.CompletedTask;
}
