using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Autoscaler.Silo.Api.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Autoscaler.Testing;

namespace Autoscaler.Integration.Tests.Api;

/// <summary>The silo wires the pull sources: a configured source that cannot be read degrades readiness, still 200.</summary>
public sealed class SiloMetricSourceTests : IAsyncDisposable
{
    private readonly string _keyDirectory = Directory.CreateTempSubdirectory("autoscaler-silo-").FullName;
    private readonly WebApplicationFactory<ApiKeyStore> _factory;

    public SiloMetricSourceTests()
    {
        _factory = new WebApplicationFactory<ApiKeyStore>().WithWebHostBuilder(web => web
            .UseSetting("Silo:SiloPort", FreePorts.Next().ToString(CultureInfo.InvariantCulture))
            .UseSetting("Silo:GatewayPort", FreePorts.Next().ToString(CultureInfo.InvariantCulture))
            .UseSetting("Api:GeneratedKeyFile", Path.Combine(_keyDirectory, "admin.key"))
            .UseSetting("Sources:0:Kind", "prometheus")
            .UseSetting("Sources:0:Target", "checkout")
            .UseSetting("Sources:0:Metric", "queue")
            .UseSetting("Sources:0:Query", "queue_depth")
            .UseSetting("Sources:0:Url", $"http://127.0.0.1:{FreePorts.Next()}/") // nothing listens there
            .UseSetting("Sources:0:Jitter", "00:00:00"));
    }

    [Fact]
    public async Task An_unreadable_source_makes_the_silo_ready_but_degraded()
    {
        using var client = _factory.CreateClient();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        JsonElement check;
        HttpStatusCode status;
        do
        {
            await timer.WaitForNextTickAsync(deadline.Token);
            using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), deadline.Token);
            status = response.StatusCode;
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(deadline.Token);
            check = body.GetProperty("checks").GetProperty("metric-sources");
        }
        while (check.GetProperty("status").GetString() != "Degraded");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("1 of 1 metric source(s) failing: 0:prometheus:checkout/queue", check.GetProperty("description").GetString());
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        Directory.Delete(_keyDirectory, recursive: true);
    }
}
