namespace Autoscaler.Grains.Tests.Infrastructure;

/// <summary>Shares one <see cref="ClusterFixture"/> across the grain tests.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
