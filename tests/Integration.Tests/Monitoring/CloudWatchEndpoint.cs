using System.Collections.Concurrent;
using System.Text.Json;
using Autoscaler.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Autoscaler.Integration.Tests.Monitoring;

/// <summary>A loopback stand-in for CloudWatch's JSON endpoint: records each <c>PutMetricData</c> (target header,
/// signature header, namespace and values) and answers <c>Throttling</c> to the first <see cref="ThrottleFirst"/> calls.</summary>
internal sealed class CloudWatchEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _calls;

    private CloudWatchEndpoint(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public int ThrottleFirst { get; set; }

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Accepted values: (namespace, metric, target dimension, value).</summary>
    public ConcurrentQueue<(string Namespace, string Metric, string Target, double Value)> Values { get; } = new();

    /// <summary>Header problems seen (missing target or signature).</summary>
    public ConcurrentQueue<string> Problems { get; } = new();

    public static async Task<CloudWatchEndpoint> StartAsync()
    {
        var port = FreePorts.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var endpoint = new CloudWatchEndpoint(app, new Uri($"http://127.0.0.1:{port}/"));
        app.Run(endpoint.HandleAsync);
        await app.StartAsync();
        return endpoint;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext http)
    {
        if (http.Request.Headers["X-Amz-Target"] != "GraniteServiceVersion20100801.PutMetricData" ||
            !http.Request.Headers.Authorization.ToString().StartsWith("AWS4-HMAC-SHA256 Credential=", StringComparison.Ordinal))
        {
            Problems.Enqueue($"target '{http.Request.Headers["X-Amz-Target"]}', authorization '{http.Request.Headers.Authorization}'");
        }

        if (Interlocked.Increment(ref _calls) <= ThrottleFirst)
        {
            http.Response.StatusCode = 400;
            await http.Response.WriteAsync("""{"__type":"Throttling","message":"Rate exceeded"}""");
            return;
        }

        using var body = await JsonDocument.ParseAsync(http.Request.Body);
        var ns = body.RootElement.GetProperty("Namespace").GetString()!;
        foreach (var datum in body.RootElement.GetProperty("MetricData").EnumerateArray())
        {
            var target = datum.GetProperty("Dimensions").EnumerateArray().First(d => d.GetProperty("Name").GetString() == "Target");
            Values.Enqueue((ns, datum.GetProperty("MetricName").GetString()!, target.GetProperty("Value").GetString()!, datum.GetProperty("Value").GetDouble()));
        }

        http.Response.ContentType = "application/x-amz-json-1.0";
        await http.Response.WriteAsync("{}");
    }
}
