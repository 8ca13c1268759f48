using Autoscaler.Ports.Telemetry;

namespace Autoscaler.Adapters.Tests.Nats.JetStream;

/// <summary>A grain that fails its first <c>failures</c> calls as a reactivating grain would, then applies; signals each call.</summary>
internal sealed class FailingSink(int failures) : ITelemetrySink
{
    private readonly TaskCompletionSource _applied = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Completes when a call succeeded.</summary>
    public Task Applied => _applied.Task;

    /// <summary>Completes when the call with this number (1-based) was made.</summary>
    public TaskCompletionSource[] CallMade { get; } = [.. Enumerable.Range(0, 8).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously))];

    public ValueTask DeliverAsync(string target, ReadOnlyMemory<TelemetrySample> batch, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref _calls);
        if (call <= CallMade.Length)
        {
            CallMade[call - 1].TrySetResult();
        }

        if (call <= failures)
        {
            throw new TimeoutException($"call {call}: the grain is reactivating");
        }

        _applied.TrySetResult();
        return ValueTask.CompletedTask;
    }

    public ValueTask DeliverLifecycleAsync(string target, AgentLifecycleEvent lifecycle, CancellationToken cancellationToken) =>
        ValueTask.CompletedTask;
}
