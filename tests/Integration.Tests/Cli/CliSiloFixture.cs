using Autoscaler.Cli.Remote;
using Autoscaler.Integration.Tests.Api;
using Autoscaler.Silo.Api.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Autoscaler.Testing;

namespace Autoscaler.Integration.Tests.Cli;

/// <summary>
/// The real silo (embedded mode) listening on a real loopback port, so the CLI talks HTTP to it exactly as it would in
/// production. Keys: the shared test keys, except that the admin key's hash was made by the CLI's <c>keys hash</c> logic.
/// </summary>
public sealed class CliSiloFixture : IAsyncLifetime
{
    private readonly string _keyDirectory = Directory.CreateTempSubdirectory("autoscaler-cli-").FullName;
    private WebApplicationFactory<ApiKeyStore> _factory = null!;

    public Uri BaseUrl { get; private set; } = null!;

    public Task InitializeAsync()
    {
        _factory = new WebApplicationFactory<ApiKeyStore>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Silo:SiloPort", FreePorts.NextText());
            web.UseSetting("Silo:GatewayPort", FreePorts.NextText());
            web.UseSetting("Urls", "http://127.0.0.1:0");
            web.UseSetting("Api:GeneratedKeyFile", Path.Combine(_keyDirectory, "admin.key"));
            foreach (var (key, value) in TestKeys.Settings())
            {
                web.UseSetting(key, value);
            }

            web.UseSetting("Api:Keys:2:Hash", ApiKeys.Hash(TestKeys.Admin));
        });
        _factory.UseKestrel(0);
        _factory.StartServer();
        // The address Kestrel actually bound (port 0: a free one), not the configured default.
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = new Uri(addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        Directory.Delete(_keyDirectory, recursive: true);
    }
}
