using Autoscaler.Grains.Interfaces;
using Autoscaler.Ports.Telemetry;

namespace Autoscaler.Silo.ControlPlane;

/// <summary>
/// The registered targets as this silo last read them from the target directory (refreshed every
/// <see cref="RefreshInterval"/>, and on demand after a miss: <see cref="RefreshAsync(CancellationToken)"/>, one directory
/// read shared by the misses that asked before it started), so ingestion can reject unknown targets without a grain call.
/// </summary>
internal sealed partial class TargetCatalog(IGrainFactory grains, ILogger<TargetCatalog> logger) : BackgroundService, ITelemetryTargetCatalog
{
    /// <summary>How stale the catalog may get.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _missed = new(0, 1);
    private readonly Lock _gate = new();
    private volatile IReadOnlyDictionary<string, string> _targets = new Dictionary<string, string>();
    private Task? _reading;
    private Task? _next;

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

    /// <summary>
    /// A read that starts after this call: the one queued behind a read in progress (shared by every caller meanwhile),
    /// or a new one. So a miss never settles for a read that began before the registration it might be missing.
    /// </summary>
    public Task RefreshAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_reading is null || _reading.IsCompleted)
            {
                _reading = RefreshAsync();
                return _reading.WaitAsync(cancellationToken);
            }

            _next ??= ReadAfterAsync(_reading);
            return _next.WaitAsync(cancellationToken);
        }
    }

    private async Task ReadAfterAsync(Task previous)
    {
        // Always asynchronous, so the caller's lock is released before this takes it.
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ForceYielding);
        Task read;
        lock (_gate)
        {
            _reading = read = RefreshAsync();
            _next = null;
        }

        await read;
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
