using Autoscaler.Silo.Api.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Autoscaler.Testing;

namespace Autoscaler.Integration.Tests.Api;

/// <summary>One in-process silo for the dashboard tests: embedded mode on free Orleans ports, with its generated admin key
/// written to a temporary directory instead of the source tree.</summary>
public sealed class SiloFixture : IAsyncLifetime
{
    private readonly string _keyDirectory = Directory.CreateTempSubdirectory("autoscaler-silo-").FullName;

    public WebApplicationFactory<ApiKeyStore> Factory { get; private set; } = null!;

    public string KeyFile => Path.Combine(_keyDirectory, "admin.key");

    public Task InitializeAsync()
    {
        // Any type of the silo's assembly finds its Program (the CLI has a Program too).
        Factory = new WebApplicationFactory<ApiKeyStore>().WithWebHostBuilder(web => web
            .UseSetting("Silo:SiloPort", FreePorts.NextText())
            .UseSetting("Silo:GatewayPort", FreePorts.NextText())
            .UseSetting("Api:GeneratedKeyFile", KeyFile));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        Directory.Delete(_keyDirectory, recursive: true);
    }
}
