using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Autoscaler.Integration.Tests.Api;
using Autoscaler.Silo.Api.Security;
using Autoscaler.Silo.Demo;
using Autoscaler.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Autoscaler.Integration.Tests.Demo;

/// <summary>
/// A real silo started as <c>--demo</c> (embedded Orleans, Kestrel on a free loopback port, the test keys): the MisterSmith
/// fleet with its synthetic past. Its recommendations are recomputed once here; the tests list and act on them (each test
/// its own target and kind) and never recompute, so no test supersedes another's record.
/// </summary>
public sealed class DemoSilo : IAsyncLifetime
{
    private readonly string _keyDirectory = Directory.CreateTempSubdirectory("autoscaler-demo-").FullName;

    public WebApplicationFactory<ApiKeyStore> Factory { get; private set; } = null!;

    /// <summary>The silo's address.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The open records after the fixture's recompute.</summary>
    public IReadOnlyList<JsonElement> Proposed { get; private set; } = [];

    /// <summary>What the fixture's recompute said it did (<c>recompute</c> in its answer).</summary>
    public JsonElement Recomputed { get; private set; }

    public async Task InitializeAsync()
    {
        var httpPort = int.Parse(FreePorts.NextText(), CultureInfo.InvariantCulture);
        Factory = new WebApplicationFactory<ApiKeyStore>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:Autoscaler", string.Empty);
            web.UseSetting("Nats:Url", string.Empty);
            web.UseSetting("Silo:ClusterId", $"demo-{Guid.NewGuid():N}");
            web.UseSetting("Silo:SiloPort", FreePorts.NextText());
            web.UseSetting("Silo:GatewayPort", FreePorts.NextText());
            web.UseSetting("Api:GeneratedKeyFile", Path.Combine(_keyDirectory, "admin.key"));
            web.UseSetting("Demo:Enabled", "true");
            // Only the fixture's explicit recompute: a timer's would supersede records the tests are acting on.
            web.UseSetting("Optimization:Recommendations:FirstRecomputeDelay", "1.00:00:00");
            foreach (var (key, value) in TestKeys.Settings())
            {
                web.UseSetting(key, value);
            }
        });
        Factory.UseKestrel(options => options.Listen(IPAddress.Loopback, httpPort));
        Factory.StartServer();
        BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/");

        using var operatorClient = Client(TestKeys.Operator);
        await WaitForDemoFleetAsync();
        using var response = await operatorClient.PostAsync("/api/autoscaling/optimize/recompute", null);
        response.EnsureSuccessStatusCode();
        var list = await response.Content.ReadFromJsonAsync<JsonElement>();
        Proposed = [.. list.GetProperty("recommendations").EnumerateArray()];
        Recomputed = list.GetProperty("recompute").Clone();
    }

    /// <summary>A client over real HTTP (a recompute replays every demo target's 14 days for each candidate size: minutes on a
    /// loaded machine) with <paramref name="key"/> as its bearer credential when given.</summary>
    public HttpClient Client(string? key = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(3) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    /// <summary>The open record of <paramref name="target"/> of <paramref name="kind"/> proposed at start.</summary>
    public JsonElement Open(string target, string kind) =>
        Proposed.Single(r => r.GetProperty("target").GetString() == target && r.GetProperty("kind").GetString() == kind);

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        Directory.Delete(_keyDirectory, recursive: true);
    }

    private async Task WaitForDemoFleetAsync()
    {
        // The demo registers its fleet once the host has started; its generator says when (bounded).
        var generator = Factory.Services.GetServices<IHostedService>().OfType<DemoLoadGenerator>().Single();
        await generator.Registered.WaitAsync(TimeSpan.FromSeconds(60));
    }
}
