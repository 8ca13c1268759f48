using Microsoft.Extensions.Hosting;

namespace Autoscaler.Adapters.Sources.Polling;

/// <summary>
/// Runs one loop per source: a random delay up to the source's jitter, then a poll every interval on a periodic timer
/// (a slow poll delays the next tick instead of stacking polls).
/// </summary>
internal sealed class MetricSourcePollingService(MetricSourcePollers pollers, TimeProvider clock) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(pollers.All.Select(poller => RunAsync(poller, stoppingToken)));

    private async Task RunAsync(MetricSourcePoller poller, CancellationToken stoppingToken)
    {
        try
        {
            var jitter = poller.Options.EffectiveJitter;
            if (jitter > TimeSpan.Zero)
            {
                await Task.Delay(jitter * Random.Shared.NextDouble(), clock, stoppingToken);
            }

            using var timer = new PeriodicTimer(poller.Options.Interval, clock);
            do
            {
                await poller.PollOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }
}
