using System.Globalization;
using System.Net.Http.Headers;
using Autoscaler.Ports.Sources;

namespace Autoscaler.Adapters.Sources.Prometheus;

/// <summary>
/// A PromQL instant query: <c>GET {url}/api/v1/query?query=...&amp;timeout=...</c>. Errors Prometheus reports (bad query,
/// evaluation timeout) and transport errors come back as <see cref="MetricSourceResultKind.Failed"/>.
/// </summary>
public sealed class PrometheusMetricSource : IMetricSource
{
    private readonly HttpClient _http;
    private readonly Uri _requestUri;
    private readonly string _metric;
    private readonly string _instanceLabel;

    /// <summary>Creates the source; <paramref name="timeout"/> is passed to Prometheus so it stops evaluating too.</summary>
    public PrometheusMetricSource(HttpClient http, Uri baseUrl, string query, string metric, string instanceLabel, TimeSpan timeout)
    {
        _http = http;
        _metric = metric;
        _instanceLabel = instanceLabel;
        var root = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        var milliseconds = ((long)Math.Ceiling(timeout.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);
        _requestUri = new Uri(root, $"api/v1/query?query={Uri.EscapeDataString(query)}&timeout={milliseconds}ms");
    }

    /// <inheritdoc />
    public async Task<MetricSourceResult> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, _requestUri);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await _http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var result = PrometheusResponseParser.Parse(body, _metric, _instanceLabel);

            // Prometheus answers errors (400 bad_data, 422 execution, 503 timeout) with a JSON body the parser explains.
            return response.IsSuccessStatusCode || result.Kind == MetricSourceResultKind.Failed
                ? result
                : MetricSourceResult.Failed($"prometheus answered HTTP {(int)response.StatusCode}");
        }
        catch (HttpRequestException ex)
        {
            return MetricSourceResult.Failed($"prometheus at {_requestUri.GetLeftPart(UriPartial.Authority)} unreachable: {ex.Message}");
        }
    }
}
