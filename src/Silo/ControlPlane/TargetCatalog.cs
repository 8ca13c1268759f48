using Autoscaler.Grains.Interfaces;
using Autoscaler.Ports.Telemetry;

namespace Autoscaler.Silo.ControlPlane;

/// <summary>
/// The registered targets as this silo last read them from the target directory (refreshed every
/// <see cref="RefreshInterval"/>, and at once after a miss), so ingestion can reject unknown targets without a grain call.
/// </summary>
internal sealed partial class TargetCatalog(IGrainFactory grains, ILogger<TargetCatalog> logger) : BackgroundService, ITelemetryTargetCatalog
{
    /// <summary>How stale the catalog may get.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _missed = new(0, 1);
    private volatile IReadOnlyDictionary<string, string> _targets = new Dictionary<string, string>();

    /// <summary>Target id → scope as last read.</summary>
    public IReadOnlyDictionary<string, string> Targets => _targets;

    public bool IsKnownTarget(string target)
    {
        if (_targets.ContainsKey(target))
        {
            return true;
        }

        if (_missed.CurrentCount == 0)
        {
            try
            {
                _missed.Release();
            }
            catch (SemaphoreFullException)
            {
                // A refresh is already requested.
            }
        }

        return false;
    }

    /// <summary>Reads the directory now.</summary>
    public async Task RefreshAsync()
    {
        var directory = await grains.GetGrain<ITargetDirectoryGrain>(ITargetDirectoryGrain.Key).ListAsync();
        _targets = directory.Targets;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RefreshAsync();
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogRefreshFailed(logger, error.Message);
            }

            try
            {
                await _missed.WaitAsync(RefreshInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Target catalog refresh failed: {Error}")]
    private static partial void LogRefreshFailed(ILogger logger, string error);
}
