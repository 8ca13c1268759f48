using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Autoscaler.EndToEnd.Benchmarks;

/// <summary>A webhook receiver on 127.0.0.1 that timestamps (Stopwatch) the first scale call of each target.</summary>
internal sealed class WebhookArrivals : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookArrivals(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Target id → Stopwatch timestamp of its first scale call.</summary>
    public ConcurrentDictionary<string, long> FirstArrival { get; } = new(StringComparer.Ordinal);

    public static async Task<WebhookArrivals> StartAsync()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var arrivals = new WebhookArrivals(app, new Uri($"http://127.0.0.1:{port}"));
        app.MapPost("/scale", async (HttpRequest request) =>
        {
            var at = Stopwatch.GetTimestamp();
            using var body = await JsonDocument.ParseAsync(request.Body);
            arrivals.FirstArrival.TryAdd(body.RootElement.GetProperty("targetId").GetString()!, at);
            var desired = body.RootElement.GetProperty("desiredCapacity").GetInt32();
            return Results.Json(new { desired, running = desired, pending = 0 });
        });
        await app.StartAsync();
        return arrivals;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
