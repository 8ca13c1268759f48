using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Autoscaler.Silo.Api.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Autoscaler.Testing;

namespace Autoscaler.Integration.Tests.Api.Routes;

/// <summary>The real silo (embedded Orleans, Kestrel on a free loopback port) with the test keys: viewer, operator and
/// admin. Shared by the route tests and the browser test; every test uses its own target ids.</summary>
public sealed class RoutesSilo : IAsyncLifetime
{
    private readonly string _keyDirectory = Directory.CreateTempSubdirectory("autoscaler-routes-").FullName;

    public WebApplicationFactory<ApiKeyStore> Factory { get; private set; } = null!;

    /// <summary>The silo's address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public Task InitializeAsync()
    {
        var httpPort = int.Parse(FreePorts.NextText(), CultureInfo.InvariantCulture);
        Factory = new WebApplicationFactory<ApiKeyStore>().WithWebHostBuilder(web =>
        {
            // Isolated whatever the environment says: test.sh exports a PostgreSQL connection string and a NATS URL, which
            // would make every in-process silo of the run join one durable cluster and share targets and switches.
            web.UseSetting("ConnectionStrings:Autoscaler", string.Empty);
            web.UseSetting("Nats:Url", string.Empty);
            web.UseSetting("Silo:ClusterId", $"routes-{Guid.NewGuid():N}");
            web.UseSetting("Silo:SiloPort", FreePorts.NextText());
            web.UseSetting("Silo:GatewayPort", FreePorts.NextText());
            web.UseSetting("Api:GeneratedKeyFile", Path.Combine(_keyDirectory, "admin.key"));
            // A short heartbeat, so a test sees the keep-alive comment without waiting 15 s.
            web.UseSetting("Api:Events:HeartbeatInterval", "00:00:00.500");
            // One target with a configured Fargate size, for the size routes.
            web.UseSetting("Optimization:Targets:size-fargate:Platform", "Fargate");
            web.UseSetting("Optimization:Targets:size-fargate:Vcpu", "0.5");
            web.UseSetting("Optimization:Targets:size-fargate:MemoryGiB", "1");
            foreach (var (key, value) in TestKeys.Settings())
            {
                web.UseSetting(key, value);
            }
        });
        Factory.UseKestrel(options => options.Listen(IPAddress.Loopback, httpPort));
        Factory.StartServer();
        BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/");
        return Task.CompletedTask;
    }

    /// <summary>A client over real HTTP, with <paramref name="key"/> as its bearer credential when given.</summary>
    public HttpClient Client(string? key = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        Directory.Delete(_keyDirectory, recursive: true);
    }
}
