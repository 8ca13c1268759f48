namespace Autoscaler.Integration.Tests.Monitoring;

/// <summary>One monitored silo for the scrape, Prometheus and OTLP tests.</summary>
[CollectionDefinition(Name)]
public sealed class MonitoringCollection : ICollectionFixture<MonitoringSilo>
{
    public const string Name = "monitoring-silo";
}
