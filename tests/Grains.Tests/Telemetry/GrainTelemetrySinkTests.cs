using System.Reflection;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Telemetry;
using Autoscaler.Ports.Telemetry;

namespace Autoscaler.Grains.Tests.Telemetry;

/// <summary>The sink's grain-reference cache: each batch reaches its own target's grain, and the cache stays bounded.</summary>
public sealed class GrainTelemetrySinkTests
{
    [Fact]
    public async Task Batches_reach_their_targets_and_the_reference_cache_never_exceeds_its_bound()
    {
        var factory = DispatchProxy.Create<IGrainFactory, RecordingGrainFactory>();
        var recorder = (RecordingGrainFactory)(object)factory;
        var sink = new GrainTelemetrySink(factory, maxCachedReferences: 2);
        var sizes = new List<int>();

        foreach (var target in new[] { "a", "a", "b", "c", "c", "a" })
        {
            await sink.DeliverAsync(target, new[] { new TelemetrySample("s", DateTimeOffset.UnixEpoch, new Dictionary<string, double> { ["v"] = 1 }) }, CancellationToken.None);
            sizes.Add(sink.CachedReferences);
        }

        Assert.Equal(["a", "a", "b", "c", "c", "a"], recorder.Ingested);
        Assert.Equal(["a", "b", "c", "a"], recorder.Resolved); // hits for the repeats; "c" found the cache full and started it over
        Assert.All(sizes, size => Assert.InRange(size, 1, 2));
    }

    /// <summary>Stands in for Orleans' factory: every service grain it hands out records the target it was asked for.</summary>
    public class RecordingGrainFactory : DispatchProxy
    {
        public List<string> Resolved { get; } = [];

        public List<string> Ingested { get; } = [];

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod is { Name: nameof(IGrainFactory.GetGrain), IsGenericMethod: true } && args is [string key, ..])
            {
                Resolved.Add(key);
                var grain = DispatchProxy.Create<IServiceGrain, RecordingServiceGrain>();
                ((RecordingServiceGrain)(object)grain).Bind(key, Ingested);
                return grain;
            }

            throw new NotSupportedException(targetMethod?.Name);
        }
    }

    /// <summary>A service grain that records which target received a batch.</summary>
    public class RecordingServiceGrain : DispatchProxy
    {
        private string _target = "";
        private List<string> _ingested = [];

        public void Bind(string target, List<string> ingested)
        {
            _target = target;
            _ingested = ingested;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod?.Name == nameof(IServiceGrain.IngestAsync))
            {
                _ingested.Add(_target);
                return Task.CompletedTask;
            }

            throw new NotSupportedException(targetMethod?.Name);
        }
    }
}
