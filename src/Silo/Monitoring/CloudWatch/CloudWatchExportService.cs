using Autoscaler.Adapters.Aws.CloudWatch;
using Autoscaler.Grains.Monitoring;
using Microsoft.Extensions.Options;

namespace Autoscaler.Silo.Monitoring.CloudWatch;

/// <summary>
/// Every <see cref="CloudWatchExportOptions.Interval"/> takes the local targets' values and sends them with the
/// <see cref="CloudWatchMetricPublisher"/>. On shutdown it takes them once more and flushes everything still queued
/// (values deferred by throttling included) within <see cref="CloudWatchExportOptions.ShutdownTimeout"/>.
/// </summary>
public sealed partial class CloudWatchExportService(
    TargetCapacityRegistry registry,
    CloudWatchMetricPublisher publisher,
    IOptions<CloudWatchExportOptions> options,
    TimeProvider clock,
    ILogger<CloudWatchExportService> logger) : BackgroundService
{
    private PeriodicTimer? _timer;

    /// <inheritdoc />
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // The first interval counts from start-up, not from whenever the background loop gets a thread.
        _timer = new PeriodicTimer(options.Value.Interval, clock);
        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        using var timeout = new CancellationTokenSource(options.Value.ShutdownTimeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        Take();
        try
        {
            await publisher.FlushAsync(linked.Token);
        }
        catch (OperationCanceledException)
        {
            // Reported below with what is left.
        }

        if (publisher.Queued > 0)
        {
            LogLeftOnShutdown(logger, publisher.Queued);
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var timer = _timer ?? throw new InvalidOperationException("started without StartAsync");
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Take();
                await publisher.FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: StopAsync sends what is left.
        }
    }

    private void Take() => publisher.Enqueue(CloudWatchSnapshot.Take(registry, options.Value, clock.GetUtcNow()));

    [LoggerMessage(Level = LogLevel.Error, Message = "CloudWatch export: {Count} value(s) could not be sent before shutdown")]
    private static partial void LogLeftOnShutdown(ILogger logger, int count);
}
