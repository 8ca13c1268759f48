using System.Globalization;
using System.Net;
using System.Threading.Channels;
using Autoscaler.Testing;

namespace Autoscaler.Integration.Tests.Alarms;

/// <summary>A webhook endpoint on loopback: every POST is kept with its headers and body and answered 204.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Channel<(IReadOnlyDictionary<string, string> Headers, byte[] Body)> _received = Channel.CreateUnbounded<(IReadOnlyDictionary<string, string>, byte[])>();
    private readonly Task _loop;

    public WebhookReceiver()
    {
        var port = int.Parse(FreePorts.NextText(), CultureInfo.InvariantCulture);
        Url = new Uri($"http://127.0.0.1:{port}/hook/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    /// <summary>The next request, within <paramref name="timeout"/>.</summary>
    public async Task<(IReadOnlyDictionary<string, string> Headers, byte[] Body)> NextAsync(TimeSpan timeout) =>
        await _received.Reader.ReadAsync().AsTask().WaitAsync(timeout);

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception error) when (error is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            context.Response.StatusCode = 204;
            context.Response.Close();
            await _received.Writer.WriteAsync((headers, body.ToArray()));
        }
    }
}
