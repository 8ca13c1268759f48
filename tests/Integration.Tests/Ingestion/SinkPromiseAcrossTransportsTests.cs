using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Autoscaler.Adapters.Nats.Telemetry;
using Autoscaler.Ports.Telemetry;
using Autoscaler.Silo.Api.Security;
using Autoscaler.Testing;
using Autoscaler.Testing.Telemetry;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NATS.Client.Core;

namespace Autoscaler.Integration.Tests.Ingestion;

/// <summary>
/// ITelemetrySink's promise in the real silo: NATS (a real nats-server), HTTP (the telemetry route) and a pull source (a
/// query on the real PostgreSQL) feed one target at the same time. The sink in place of the grains' never sees two calls
/// for the target at once, and each transport's samples arrive in the order that transport received them.
/// </summary>
public sealed class SinkPromiseAcrossTransportsTests : IAsyncDisposable
{
    private const string Target = "mixed-feed";
    private const int MinimumPerPushTransport = 200;
    private const int MinimumPulled = 5;
    private readonly string _keyDirectory = Directory.CreateTempSubdirectory("autoscaler-ingestion-").FullName;
    private readonly string _prefix = $"p{Guid.NewGuid():N}"[..12];
    private readonly string _ingestKey = ApiKeyHasher.NewKey();
    private readonly OrderCheckingTelemetrySink _sink = new();
    private readonly WebApplicationFactory<ApiKeyStore> _factory;

    public SinkPromiseAcrossTransportsTests()
    {
        _factory = new WebApplicationFactory<ApiKeyStore>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:Autoscaler", string.Empty);
            web.UseSetting("Silo:ClusterId", $"ingestion-{Guid.NewGuid():N}");
            web.UseSetting("Silo:SiloPort", FreePorts.NextText());
            web.UseSetting("Silo:GatewayPort", FreePorts.NextText());
            web.UseSetting("Api:GeneratedKeyFile", Path.Combine(_keyDirectory, "admin.key"));
            web.UseSetting("Api:Keys:0:Name", "agents");
            web.UseSetting("Api:Keys:0:Hash", ApiKeyHasher.Hash(_ingestKey));
            web.UseSetting("Api:Keys:0:Role", "ingest");
            web.UseSetting("Api:Keys:0:PermitLimit", "100000");
            web.UseSetting("Nats:Url", TestEnvironment.NatsUrl);
            web.UseSetting("Telemetry:Prefix", _prefix);
            web.UseSetting("Telemetry:AutoRegisterTargets", "true");
            // Small batches: many sink calls, so many chances for two of them to overlap.
            web.UseSetting("Telemetry:MaxBatchSize", "3");
            web.UseSetting("Sources:0:Kind", "postgresql");
            web.UseSetting("Sources:0:Target", Target);
            web.UseSetting("Sources:0:Metric", "pulled");
            web.UseSetting("Sources:0:ConnectionString", TestEnvironment.PostgresAdminConnectionString);
            // Milliseconds since the epoch: each poll reads a value no smaller than the one before.
            web.UseSetting("Sources:0:Query", "SELECT (extract(epoch FROM clock_timestamp()) * 1000)::float8");
            web.UseSetting("Sources:0:Interval", "00:00:00.250");
            web.UseSetting("Sources:0:Timeout", "00:00:00.250");
            web.UseSetting("Sources:0:Jitter", "00:00:00");
            web.ConfigureTestServices(services =>
            {
                services.Replace(ServiceDescriptor.Singleton<ITelemetrySink>(_sink));
                // The pull source checks the catalog (the push transports rely on auto-registration).
                services.Replace(ServiceDescriptor.Singleton<ITelemetryTargetCatalog>(new StaticTargetCatalog(Target)));
            });
        });
    }

    [Fact]
    public async Task Nats_http_and_a_pull_source_on_one_target_never_overlap_in_the_sink_and_keep_each_transports_order()
    {
        using var http = _factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _ingestKey);
        await _factory.Services.GetRequiredService<NatsTelemetryIngestionService>().Subscribed.WaitAsync(TimeSpan.FromSeconds(30));
        await using var agent = new NatsConnection(new NatsOpts { Url = TestEnvironment.NatsUrl, Name = "ingestion-test-agent" });
        await agent.ConnectAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        // Both push transports send until each sent its minimum and the pull source delivered a few polls meanwhile.
        bool Enough(int sent) => sent >= MinimumPerPushTransport && Pulled().Count >= MinimumPulled;
        var natsSending = Task.Run(async () =>
        {
            var sent = 0;
            while (!Enough(sent))
            {
                deadline.Token.ThrowIfCancellationRequested();
                await agent.PublishAsync($"{_prefix}.{Target}", Sample("nats", sent++), cancellationToken: deadline.Token);
                // A round trip to the server paces the publisher, so its messages interleave with the HTTP posts.
                await agent.PingAsync(deadline.Token);
            }

            return sent;
        });
        var httpSending = Task.Run(async () =>
        {
            var sent = 0;
            while (!Enough(sent))
            {
                using var body = new ByteArrayContent(Sample("http", sent++));
                body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await http.PostAsync(new Uri($"/api/telemetry/{Target}", UriKind.Relative), body, deadline.Token);
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            }

            return sent;
        });
        var natsSent = await natsSending;
        var httpSent = await httpSending;
        await _sink.WaitUntilAsync(s => Count(s, "nats") == natsSent && Count(s, "http") == httpSent, TimeSpan.FromSeconds(30));

        var received = _sink.For(Target);
        Assert.Equal(0, _sink.Overlaps);
        Assert.Equal(Enumerable.Range(0, natsSent).Select(i => (double)i), Values(received, "nats", "seq"));
        Assert.Equal(Enumerable.Range(0, httpSent).Select(i => (double)i), Values(received, "http", "seq"));
        var pulled = Values(received, "pulled", "pulled").ToList();
        Assert.True(pulled.Count >= MinimumPulled, $"{pulled.Count} pulled samples");
        Assert.Equal(pulled.Order(), pulled);
        // The pull source's samples came while the push transports' were still arriving: the three shared the queue.
        var indexes = received.Select((sample, index) => (sample.Source, index)).ToList();
        Assert.Contains(indexes, p => p.Source == "pulled" && p.index < indexes.Last(n => n.Source == "nats").index
            && p.index > indexes.First(n => n.Source == "nats").index);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        Directory.Delete(_keyDirectory, recursive: true);
    }

    private IReadOnlyList<TelemetrySample> Pulled() => [.. _sink.For(Target).Where(s => s.Source == "pulled")];

    private static int Count(OrderCheckingTelemetrySink sink, string source) => sink.For(Target).Count(s => s.Source == source);

    private static IEnumerable<double> Values(IReadOnlyList<TelemetrySample> received, string source, string metric) =>
        received.Where(s => s.Source == source).Select(s => s.Metrics[metric]);

    private static byte[] Sample(string source, int seq) => Encoding.UTF8.GetBytes(
        string.Create(CultureInfo.InvariantCulture, $$"""{ "source": "{{source}}", "metrics": { "seq": {{seq}} } }"""));
}
