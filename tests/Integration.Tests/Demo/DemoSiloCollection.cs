namespace Autoscaler.Integration.Tests.Demo;

/// <summary>Shares one <see cref="DemoSilo"/> across the recommendation route, CLI, browser and right-size tests.</summary>
[CollectionDefinition(Name)]
public sealed class DemoSiloCollection : ICollectionFixture<DemoSilo>
{
    public const string Name = "demo-silo";
}
