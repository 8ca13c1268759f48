using Microsoft.Extensions.Options;

namespace Autoscaler.Silo.Hosting;

/// <summary>Says at start-up, loudly when it matters, where this silo keeps its state.</summary>
internal sealed partial class StorageModeAnnouncer(
    StorageModeInfo storage, IOptions<SiloHostOptions> options, ILogger<StorageModeAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var silo = options.Value;
        if (storage.IsDurable)
        {
            LogDurable(logger, silo.ClusterId, silo.AdvertisedAddress, silo.SiloPort, silo.GatewayPort);
        }
        else
        {
            LogEmbedded(logger, silo.ClusterId);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Durable mode: cluster '{ClusterId}' on PostgreSQL; silo {Address}:{SiloPort}, gateway port {GatewayPort}")]
    private static partial void LogDurable(ILogger logger, string clusterId, string address, int siloPort, int gatewayPort);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Embedded mode: cluster '{ClusterId}' runs on NON-DURABLE in-memory storage (single silo, localhost clustering). " +
                  "Targets, policies, history and reminders are lost on restart. Set ConnectionStrings__Autoscaler to run on PostgreSQL.")]
    private static partial void LogEmbedded(ILogger logger, string clusterId);
}
