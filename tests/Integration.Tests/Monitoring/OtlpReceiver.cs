using System.Collections.Concurrent;
using System.Text;
using Autoscaler.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Autoscaler.Integration.Tests.Monitoring;

/// <summary>
/// A small OTLP/HTTP receiver on 127.0.0.1 (an OpenTelemetry collector is not served here): accepts protobuf posts on
/// <c>/v1/traces</c> and <c>/v1/metrics</c>, decodes them (opentelemetry-proto's trace and metrics messages) and keeps
/// the spans and the metric names it saw.
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpReceiver(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    /// <summary>The base endpoint, as <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public Uri Endpoint { get; }

    public ConcurrentQueue<ReceivedSpan> Spans { get; } = new();

    public ConcurrentDictionary<string, int> MetricNames { get; } = new(StringComparer.Ordinal);

    /// <summary>Posts that were not protobuf or did not decode.</summary>
    public ConcurrentQueue<string> Rejected { get; } = new();

    public static async Task<OtlpReceiver> StartAsync()
    {
        var port = FreePorts.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpReceiver(app, new Uri($"http://127.0.0.1:{port}"));
        app.MapPost("/v1/traces", (Func<HttpContext, Task<IResult>>)(http => receiver.ReceiveAsync(http, receiver.DecodeTraces)));
        app.MapPost("/v1/metrics", (Func<HttpContext, Task<IResult>>)(http => receiver.ReceiveAsync(http, receiver.DecodeMetrics)));
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> ReceiveAsync(HttpContext http, Action<ReadOnlyMemory<byte>> decode)
    {
        if (http.Request.ContentType != "application/x-protobuf")
        {
            Rejected.Enqueue($"content type {http.Request.ContentType}");
            return Results.StatusCode(415);
        }

        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body);
        try
        {
            decode(body.ToArray());
        }
        catch (Exception error) when (error is FormatException or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            Rejected.Enqueue(error.Message);
            return Results.BadRequest();
        }

        // An empty ExportTraceServiceResponse / ExportMetricsServiceResponse.
        return Results.Bytes([], "application/x-protobuf");
    }

    // ExportTraceServiceRequest: resource_spans = 1 → scope_spans = 2 (scope = 1 → name = 1) → spans = 2:
    // trace_id = 1, span_id = 2, parent_span_id = 4, name = 5.
    private void DecodeTraces(ReadOnlyMemory<byte> request)
    {
        foreach (var resourceSpans in ProtobufFields.All(request, 1))
        {
            foreach (var scopeSpans in ProtobufFields.All(resourceSpans, 2))
            {
                var scope = Text(ProtobufFields.First(ProtobufFields.First(scopeSpans, 1), 1));
                foreach (var span in ProtobufFields.All(scopeSpans, 2))
                {
                    Spans.Enqueue(new ReceivedSpan(
                        Hex(ProtobufFields.First(span, 1)), Hex(ProtobufFields.First(span, 2)), Hex(ProtobufFields.First(span, 4)),
                        Text(ProtobufFields.First(span, 5)), scope));
                }
            }
        }
    }

    // ExportMetricsServiceRequest: resource_metrics = 1 → scope_metrics = 2 → metrics = 2 → name = 1.
    private void DecodeMetrics(ReadOnlyMemory<byte> request)
    {
        foreach (var resourceMetrics in ProtobufFields.All(request, 1))
        {
            foreach (var scopeMetrics in ProtobufFields.All(resourceMetrics, 2))
            {
                foreach (var metric in ProtobufFields.All(scopeMetrics, 2))
                {
                    MetricNames.AddOrUpdate(Text(ProtobufFields.First(metric, 1)), 1, (_, n) => n + 1);
                }
            }
        }
    }

    private static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);

    private static string Hex(ReadOnlyMemory<byte> bytes) => Convert.ToHexStringLower(bytes.Span);
}
