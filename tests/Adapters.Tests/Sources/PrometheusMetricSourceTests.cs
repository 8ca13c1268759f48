using Autoscaler.Adapters.Sources.Prometheus;
using Autoscaler.Adapters.Tests.Actuators.Support;
using Autoscaler.Ports.Sources;

namespace Autoscaler.Adapters.Tests.Sources;

/// <summary>The Prometheus source against a real Prometheus server that scrapes a local exporter.</summary>
[Collection(PrometheusCollection.Name)]
public sealed class PrometheusMetricSourceTests(PrometheusServer prometheus) : IDisposable
{
    private readonly HttpClient _http = new();

    [Fact]
    public async Task A_vector_gives_one_reading_per_series_named_by_the_configured_label_and_drops_NaN()
    {
        var result = await ReadAsync("queue_depth", instanceLabel: "pod");

        Assert.Equal(MetricSourceResultKind.Ok, result.Kind);
        Assert.Equal(
            [new SourceReading("queue", 7, "worker-a"), new SourceReading("queue", 12.5, "worker-b")],
            result.Readings.OrderBy(r => r.Instance));
    }

    [Fact]
    public async Task The_default_instance_label_is_the_scrape_address()
    {
        var result = await ReadAsync("sum by (instance) (queue_depth{pod!=\"worker-c\"})");

        var reading = Assert.Single(result.Readings);
        Assert.Equal(new SourceReading("queue", 19.5, prometheus.ExporterInstance), reading);
    }

    [Theory]
    [InlineData("scalar(sum(queue_depth{pod!=\"worker-c\"}))")] // resultType scalar
    [InlineData("sum(queue_depth{pod!=\"worker-c\"})")] // a vector whose series has no instance label
    public async Task An_aggregate_gives_one_reading_without_instance(string query)
    {
        var result = await ReadAsync(query);

        Assert.Equal(new SourceReading("queue", 19.5), Assert.Single(result.Readings));
    }

    [Fact]
    public async Task A_query_matching_no_series_is_empty_not_failed()
    {
        var result = await ReadAsync("queue_depth{pod=\"nobody\"}");

        Assert.Equal(MetricSourceResultKind.Empty, result.Kind);
        Assert.Equal("the query returned no series", result.Message);
    }

    [Fact]
    public async Task A_NaN_scalar_is_empty()
    {
        var result = await ReadAsync("scalar(queue_depth{pod=\"worker-c\"})");

        Assert.Equal(MetricSourceResultKind.Empty, result.Kind);
    }

    [Fact]
    public async Task A_bad_query_fails_with_the_servers_explanation()
    {
        var result = await ReadAsync("sum(queue_depth");

        Assert.Equal(MetricSourceResultKind.Failed, result.Kind);
        Assert.StartsWith("prometheus query failed (bad_data):", result.Message);
    }

    [Fact]
    public async Task A_range_vector_is_refused()
    {
        var result = await ReadAsync("queue_depth[1m]");

        Assert.Equal(MetricSourceResultKind.Failed, result.Kind);
        Assert.Equal("prometheus returned a matrix; the query must give an instant vector or a scalar", result.Message);
    }

    [Fact]
    public async Task An_unreachable_server_fails_without_throwing()
    {
        var source = new PrometheusMetricSource(_http, ClosedPort.Url(), "up", "queue", "instance", TimeSpan.FromSeconds(5));

        var result = await source.ReadAsync(CancellationToken.None);

        Assert.Equal(MetricSourceResultKind.Failed, result.Kind);
        Assert.Contains("unreachable", result.Message);
    }

    [Fact]
    public async Task A_proxy_error_page_instead_of_the_api_fails_without_throwing()
    {
        await using var proxy = await ScriptedHttpServer.StartAsync(_ => new ScriptedResponse(502, "<html>Bad Gateway</html>", "text/html"));
        var source = new PrometheusMetricSource(_http, proxy.BaseUri, "up", "queue", "instance", TimeSpan.FromSeconds(5));

        var result = await source.ReadAsync(CancellationToken.None);

        Assert.Equal(MetricSourceResultKind.Failed, result.Kind);
        Assert.StartsWith("unexpected prometheus response:", result.Message);
        Assert.Equal("/api/v1/query?query=up&timeout=5000ms", proxy.Requests.Single().Path + proxy.Requests.Single().Query);
    }

    public void Dispose() => _http.Dispose();

    private Task<MetricSourceResult> ReadAsync(string query, string instanceLabel = "instance") =>
        new PrometheusMetricSource(_http, prometheus.Url, query, "queue", instanceLabel, TimeSpan.FromSeconds(5))
            .ReadAsync(CancellationToken.None);
}
