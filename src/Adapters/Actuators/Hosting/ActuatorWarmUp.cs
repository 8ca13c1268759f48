using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Autoscaler.Adapters.Actuators.Webhook;
using Autoscaler.Ports.Actuation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Autoscaler.Adapters.Actuators.Hosting;

/// <summary>
/// Builds at start what a silo's first actuation would otherwise build on first use, so the first reaction costs what the
/// later ones do: every registered actuator client (and with it its HTTP client and handler chain), then one signed
/// webhook call through the webhook actuator's own HTTP client, retry pipeline, serializer and signature, sent to a
/// listener this service opens on 127.0.0.1 for that one call. No registered actuator is called, no real system is
/// contacted and nothing is written. A failure or time-out is logged and never stops the start.
/// </summary>
public sealed class ActuatorWarmUp(
    IServiceProvider services,
    IEnumerable<ScaleTargetClientRegistration> registrations,
    IHttpClientFactory httpClients,
    IOptions<ActuatorWarmUpOptions> options,
    ILogger<ActuatorWarmUp> logger) : IHostedService
{
    private const string Answer = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}";

    /// <summary>Whether the last start warmed the path completely (false when switched off, failed or timed out).</summary>
    public bool Warmed { get; private set; }

    /// <summary>How long the last warm-up took.</summary>
    public TimeSpan Elapsed { get; private set; }

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var stopwatch = Stopwatch.StartNew();
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(options.Value.Timeout);
        try
        {
            foreach (var kind in registrations.Select(r => r.Kind).Distinct())
            {
                _ = services.GetKeyedService<IScaleTargetClient>(kind);
            }

            Warmed = await WebhookRoundTripAsync(budget.Token);
        }
        catch (Exception ex) when (ex is SocketException or IOException or HttpRequestException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning(ex, "Actuation warm-up did not finish; the first actuation builds the rest on first use.");
        }

        Elapsed = stopwatch.Elapsed;
        logger.LogInformation("Actuation warm-up {Outcome} in {Milliseconds:F0} ms.", Warmed ? "done" : "incomplete", Elapsed.TotalMilliseconds);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<bool> WebhookRoundTripAsync(CancellationToken cancellationToken)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start(1);
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var stopAnswering = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var answering = AnswerOnceAsync(listener, stopAnswering.Token);
        // Two attempts build the retry strategy as the configured pipeline does; the listener answers the first.
        var warmUpOptions = new WebhookActuatorOptions { Secret = "actuation-warm-up-secret", MaxAttempts = 2, RequestTimeout = options.Value.Timeout };
        var client = new WebhookScaleTargetClient(
            httpClients.CreateClient(ActuatorServiceCollectionExtensions.WebhookHttpClientName),
            Options.Create(warmUpOptions),
            TimeProvider.System,
            NullLogger<WebhookScaleTargetClient>.Instance);
        var binding = new ScaleTargetRef("actuation-warm-up", ActuatorKind.Webhook,
            new Dictionary<string, string> { ["url"] = $"http://127.0.0.1:{port}/warm-up" });
        var result = await client.SetDesiredCapacityAsync(binding, new DesiredCapacityRequest("warm-up", 1), cancellationToken);
        if (!result.Succeeded)
        {
            logger.LogWarning("Actuation warm-up: the webhook round trip failed ({Message}).", result.Message);
            await stopAnswering.CancelAsync();
        }

        try
        {
            await answering;
        }
        catch (OperationCanceledException) when (!result.Succeeded)
        {
            // The call never reached the listener.
        }

        return result.Succeeded;
    }

    private static async Task AnswerOnceAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        using var socket = await listener.AcceptSocketAsync(cancellationToken);
        var buffer = new byte[8192];
        var received = new StringBuilder();
        while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
            if (read == 0)
            {
                return;
            }

            received.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        await socket.SendAsync(Encoding.ASCII.GetBytes(Answer), SocketFlags.None, cancellationToken);
        socket.Shutdown(SocketShutdown.Send);
        while (await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken) > 0)
        {
            // The rest of the request (its body) until the client closes: closing earlier could reset the answer.
        }
    }
}
