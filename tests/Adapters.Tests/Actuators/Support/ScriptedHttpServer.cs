using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Autoscaler.Adapters.Tests.Actuators.Support;

/// <summary>
/// A real HTTP server (Kestrel) on 127.0.0.1 with an ephemeral port. It records every request and answers from a
/// queue of scripted responses, then from <c>fallback</c> once the queue is empty.
/// </summary>
public sealed class ScriptedHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedResponse> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Func<RecordedRequest, ScriptedResponse> _fallback;

    private ScriptedHttpServer(WebApplication app, Func<RecordedRequest, ScriptedResponse> fallback)
    {
        _app = app;
        _fallback = fallback;
    }

    public Uri BaseUri { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<ScriptedHttpServer> StartAsync(Func<RecordedRequest, ScriptedResponse>? fallback = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--urls", "http://127.0.0.1:0"] });
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ScriptedHttpServer(app, fallback ?? (_ => new ScriptedResponse(500, "{\"message\":\"no scripted response\"}")));
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUri = new Uri(app.Urls.Single() + "/");
        return server;
    }

    public ScriptedHttpServer Enqueue(params ScriptedResponse[] responses)
    {
        foreach (var response in responses)
        {
            _script.Enqueue(response);
        }

        return this;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var recorded = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "/",
            context.Request.QueryString.Value ?? string.Empty,
            context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
            buffer.ToArray());
        _requests.Enqueue(recorded);
        var response = _script.TryDequeue(out var scripted) ? scripted : _fallback(recorded);
        if (response.Release is { } release)
        {
            await release.WaitAsync(context.RequestAborted);
        }

        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.WriteAsync(response.Body);
    }
}
