namespace Autoscaler.Adapters.Actuators.Compose;

/// <summary>Reads the Docker host's free memory and CPU before a Compose scale-out (see <see cref="ComposeHostGuard"/>).</summary>
public interface IHostCapacityReader
{
    /// <summary>The host's free capacity now; throws <see cref="IOException"/> when it cannot be read.</summary>
    public Task<HostCapacityReading> ReadAsync(CancellationToken cancellationToken);
}
