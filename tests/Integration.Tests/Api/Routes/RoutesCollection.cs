namespace Autoscaler.Integration.Tests.Api.Routes;

/// <summary>One silo for every route and browser test.</summary>
[CollectionDefinition(Name)]
public sealed class RoutesCollection : ICollectionFixture<RoutesSilo>
{
    public const string Name = "routes-silo";
}
