using System.Collections.Concurrent;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Ports.Telemetry;

namespace Autoscaler.Silo.ControlPlane;

/// <summary>
/// Delivers validated telemetry (NATS or HTTP) to the target's service grain in batches. Grain references are kept per
/// target: resolving one per batch (reflection inside <c>GetGrain</c>) was a visible share of ingestion's CPU.
/// </summary>
internal sealed class GrainTelemetrySink(IGrainFactory grains) : ITelemetrySink
{
    private readonly ConcurrentDictionary<string, IServiceGrain> _services = new(StringComparer.Ordinal);
    private readonly Func<string, IServiceGrain> _resolve = target => grains.GetGrain<IServiceGrain>(target);

    public async ValueTask DeliverAsync(string target, ReadOnlyMemory<TelemetrySample> batch, CancellationToken cancellationToken)
    {
        var points = new TelemetryPoint[batch.Length];
        var samples = batch.Span;
        for (var i = 0; i < samples.Length; i++)
        {
            var sample = samples[i];
            points[i] = new TelemetryPoint(sample.Source, sample.Timestamp, sample.Metrics, sample.Ready, sample.Request);
        }

        await _services.GetOrAdd(target, _resolve).IngestAsync(points).WaitAsync(cancellationToken);
    }

    public async ValueTask DeliverLifecycleAsync(string target, AgentLifecycleEvent lifecycle, CancellationToken cancellationToken)
    {
        var kind = lifecycle.Kind == AgentLifecycleKind.Started ? AgentLifecycle.Started : AgentLifecycle.Stopped;
        await _services.GetOrAdd(target, _resolve).LifecycleAsync(new AgentLifecycle(lifecycle.Source, kind, lifecycle.At)).WaitAsync(cancellationToken);
    }
}
