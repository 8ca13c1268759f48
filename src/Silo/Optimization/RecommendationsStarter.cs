using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Silo.Optimization;

/// <summary>Activates the recommendations grain once the silo has started, so its recompute timer runs without a visit.</summary>
internal sealed partial class RecommendationsStarter(IGrainFactory grains, IHostApplicationLifetime lifetime, ILogger<RecommendationsStarter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
        try
        {
            await grains.GetGrain<IRecommendationsGrain>(IRecommendationsGrain.FleetKey).StartAsync().WaitAsync(stoppingToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Another silo of the cluster starts it as well, and any visit of the Optimize tab activates it.
            LogStartFailed(logger, error.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Starting the cost recommendations' recompute failed: {Error}")]
    private static partial void LogStartFailed(ILogger logger, string error);
}
