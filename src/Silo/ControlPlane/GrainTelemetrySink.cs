using Autoscaler.Grains.Interfaces;
using Autoscaler.Ports.Telemetry;

namespace Autoscaler.Silo.ControlPlane;

/// <summary>Delivers validated telemetry (NATS or HTTP) to the target's service grain in batches.</summary>
internal sealed class GrainTelemetrySink(IGrainFactory grains) : ITelemetrySink
{
    public async ValueTask DeliverAsync(string target, ReadOnlyMemory<TelemetrySample> batch, CancellationToken cancellationToken)
    {
        var points = new TelemetryPoint[batch.Length];
        var samples = batch.Span;
        for (var i = 0; i < samples.Length; i++)
        {
            var sample = samples[i];
            points[i] = new TelemetryPoint(sample.Source, sample.Timestamp, sample.Metrics, sample.Ready, sample.Request);
        }

        await grains.GetGrain<IServiceGrain>(target).IngestAsync(points).WaitAsync(cancellationToken);
    }

    public async ValueTask DeliverLifecycleAsync(string target, AgentLifecycleEvent lifecycle, CancellationToken cancellationToken)
    {
        var kind = lifecycle.Kind == AgentLifecycleKind.Started ? AgentLifecycle.Started : AgentLifecycle.Stopped;
        await grains.GetGrain<IServiceGrain>(target).LifecycleAsync(new AgentLifecycle(lifecycle.Source, kind, lifecycle.At)).WaitAsync(cancellationToken);
    }
}
