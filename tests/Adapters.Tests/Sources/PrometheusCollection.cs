namespace Autoscaler.Adapters.Tests.Sources;

/// <summary>Test classes that share one real Prometheus server.</summary>
[CollectionDefinition(Name)]
public sealed class PrometheusCollection : ICollectionFixture<PrometheusServer>
{
    public const string Name = "prometheus";
}
