namespace Autoscaler.Integration.Tests.Api;

[CollectionDefinition(Name)]
public sealed class ApiHostCollection : ICollectionFixture<ApiHostFixture>
{
    public const string Name = "api-host";
}
