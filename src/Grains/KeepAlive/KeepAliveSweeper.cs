using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Autoscaler.Grains.KeepAlive;

/// <summary>Runs <see cref="KeepAliveSweep"/> on this silo every <see cref="KeepAliveOptions.SweepSeconds"/> (first one
/// period after start), on the silo's <see cref="TimeProvider"/>. A failed sweep is logged and the next one runs.</summary>
public sealed class KeepAliveSweeper(
    KeepAliveSweep sweep,
    TimeProvider clock,
    IOptions<KeepAliveOptions> options,
    ILogger<KeepAliveSweeper> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.SweepSeconds), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var result = await sweep.RunAsync(stoppingToken);
                    logger.LogDebug("Keep-alive sweep: {Owned} targets and alarms of {Silos} silos' share touched, {Failed} failed", result.Owned, result.Silos, result.Failed);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Keep-alive sweep failed; the next one runs in {Seconds} s", options.Value.SweepSeconds);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The silo is stopping.
        }
    }
}
