using System.Collections.Concurrent;
using Autoscaler.Ports.Sources;

namespace Autoscaler.Adapters.Tests.Sources;

/// <summary>
/// Plays a script of reads for the poller's policy tests (the real sources have their own tests against real servers):
/// each read answers the next scripted step; a "hang" step never answers until the read is cancelled.
/// </summary>
internal sealed class ScriptedMetricSource : IMetricSource
{
    private readonly ConcurrentQueue<Func<CancellationToken, Task<MetricSourceResult>>> _steps = new();

    public int Reads { get; private set; }

    public static MetricSourceResult Values(params (string? Instance, double Value)[] values) =>
        MetricSourceResult.Ok([.. values.Select(v => new SourceReading("queue", v.Value, v.Instance))]);

    public ScriptedMetricSource Then(MetricSourceResult result)
    {
        _steps.Enqueue(_ => Task.FromResult(result));
        return this;
    }

    public ScriptedMetricSource ThenThrow(Exception exception)
    {
        _steps.Enqueue(_ => Task.FromException<MetricSourceResult>(exception));
        return this;
    }

    public ScriptedMetricSource ThenHang()
    {
        _steps.Enqueue(cancellationToken =>
        {
            var never = new TaskCompletionSource<MetricSourceResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            cancellationToken.Register(() => never.TrySetCanceled(cancellationToken));
            return never.Task;
        });
        return this;
    }

    public Task<MetricSourceResult> ReadAsync(CancellationToken cancellationToken)
    {
        Reads++;
        return _steps.TryDequeue(out var step)
            ? step(cancellationToken)
            : Task.FromResult(MetricSourceResult.Failed("script exhausted"));
    }
}
