using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Autoscaler.Integration.Tests.Api;
using Autoscaler.Silo.Api.Security;
using Autoscaler.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Autoscaler.Integration.Tests.Monitoring;

/// <summary>
/// The real silo (embedded Orleans, Kestrel on a free loopback port) with the test keys, a scrape token, and OTLP export
/// (http/protobuf, short export intervals) to a loopback <see cref="OtlpReceiver"/>. Every test uses its own target ids.
/// </summary>
public sealed class MonitoringSilo : IAsyncLifetime
{
    /// <summary>The configured scrape token.</summary>
    public const string ScrapeToken = "scrape-token-for-the-monitoring-tests";

    private readonly string _keyDirectory = Directory.CreateTempSubdirectory("autoscaler-monitoring-").FullName;
    private WebApplicationFactory<ApiKeyStore> _factory = null!;

    /// <summary>The silo's address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    internal OtlpReceiver Otlp { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Otlp = await OtlpReceiver.StartAsync();
        var httpPort = int.Parse(FreePorts.NextText(), CultureInfo.InvariantCulture);
        _factory = new WebApplicationFactory<ApiKeyStore>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:Autoscaler", string.Empty);
            web.UseSetting("Nats:Url", string.Empty);
            web.UseSetting("Silo:ClusterId", $"monitoring-{Guid.NewGuid():N}");
            web.UseSetting("Silo:SiloPort", FreePorts.NextText());
            web.UseSetting("Silo:GatewayPort", FreePorts.NextText());
            web.UseSetting("Api:GeneratedKeyFile", Path.Combine(_keyDirectory, "admin.key"));
            web.UseSetting("Monitoring:ScrapeToken", ScrapeToken);
            web.UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", Otlp.Endpoint.ToString().TrimEnd('/'));
            web.UseSetting("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
            web.UseSetting("OTEL_BSP_SCHEDULE_DELAY", "200");
            web.UseSetting("OTEL_METRIC_EXPORT_INTERVAL", "500");
            foreach (var (key, value) in TestKeys.Settings())
            {
                web.UseSetting(key, value);
            }
        });
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, httpPort));
        _factory.StartServer();
        BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/");
    }

    /// <summary>A client over real HTTP, with <paramref name="credential"/> as its bearer credential when given.</summary>
    public HttpClient Client(string? credential = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (credential is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        }

        return client;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await Otlp.DisposeAsync();
        Directory.Delete(_keyDirectory, recursive: true);
    }
}
