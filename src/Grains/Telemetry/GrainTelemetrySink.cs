using System.Collections.Concurrent;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Monitoring;
using Autoscaler.Ports.Telemetry;

namespace Autoscaler.Grains.Telemetry;

/// <summary>
/// The pipeline's <see cref="ITelemetrySink"/> on the grains' side: delivers validated telemetry (NATS, HTTP or a pull
/// source) to the target's service grain in batches. Grain references are kept per target: resolving one per batch
/// (reflection inside <c>GetGrain</c>) was a visible share of ingestion's CPU. The cache is bounded (auto-registration
/// accepts any name): past the bound it starts over. A grain's refusal (the target is not registered, the samples are not
/// acceptable) is a <see cref="TelemetryDeliveryRefusedException"/>, which the pipeline does not retry; anything else (a
/// silo leaving, the grain reactivating, storage restarting) reaches the pipeline as it is and is retried. The silo
/// registers it.
/// </summary>
/// <param name="grains">Resolves the service grains.</param>
/// <param name="maxCachedReferences">Most grain references held at once.</param>
public sealed class GrainTelemetrySink(IGrainFactory grains, int maxCachedReferences) : ITelemetrySink
{
    private readonly ConcurrentDictionary<string, IServiceGrain> _services = new(StringComparer.Ordinal);

    /// <summary>Creates the sink with room for 100,000 grain references.</summary>
    public GrainTelemetrySink(IGrainFactory grains)
        : this(grains, 100_000)
    {
    }

    /// <summary>Grain references held now (never more than the bound).</summary>
    public int CachedReferences => _services.Count;

    /// <inheritdoc />
    public async ValueTask DeliverAsync(string target, ReadOnlyMemory<TelemetrySample> batch, CancellationToken cancellationToken)
    {
        // The batch's memory is reused once this returns and the grain may keep what it is handed: it gets an array of
        // its own; the samples themselves cross as they are (one type on both sides of the grain border).
        using var span = DecisionTracing.Source.StartActivity(DecisionTracing.TelemetryDeliver);
        span?.SetTag("autoscaler.target", target).SetTag("autoscaler.samples", batch.Length);
        try
        {
            await Service(target).IngestAsync(batch.ToArray()).WaitAsync(cancellationToken);
        }
        catch (Exception refusal) when (IsRefusal(refusal))
        {
            throw new TelemetryDeliveryRefusedException($"target '{target}' refused the samples: {refusal.Message}", refusal);
        }
    }

    /// <inheritdoc />
    public async ValueTask DeliverLifecycleAsync(string target, AgentLifecycleEvent lifecycle, CancellationToken cancellationToken)
    {
        try
        {
            await Service(target).LifecycleAsync(lifecycle).WaitAsync(cancellationToken);
        }
        catch (Exception refusal) when (IsRefusal(refusal))
        {
            throw new TelemetryDeliveryRefusedException($"target '{target}' refused the lifecycle event: {refusal.Message}", refusal);
        }
    }

    // What the service grain throws on purpose: argument checks, and "target ... is not registered".
    private static bool IsRefusal(Exception error) => error is ArgumentException or InvalidOperationException && error is not ObjectDisposedException;

    private IServiceGrain Service(string target)
    {
        if (_services.TryGetValue(target, out var service))
        {
            return service;
        }

        if (_services.Count >= maxCachedReferences)
        {
            _services.Clear();
        }

        return _services.GetOrAdd(target, grains.GetGrain<IServiceGrain>(target));
    }
}
