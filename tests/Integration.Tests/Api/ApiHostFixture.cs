namespace Autoscaler.Integration.Tests.Api;

/// <summary>One probe host for the API security tests that share its configuration.</summary>
public sealed class ApiHostFixture : IAsyncLifetime
{
    public ApiTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await ApiTestHost.StartAsync(TestKeys.Settings());

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
