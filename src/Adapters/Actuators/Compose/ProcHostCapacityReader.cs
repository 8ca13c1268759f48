using System.Globalization;

namespace Autoscaler.Adapters.Actuators.Compose;

/// <summary>
/// Reads the host the silo runs on from Linux's <c>/proc</c>: <c>MemAvailable</c> of <c>/proc/meminfo</c> (memory the
/// kernel can hand out without swapping) and idle CPUs as cores (<see cref="Environment.ProcessorCount"/>) minus the
/// one-minute load average of <c>/proc/loadavg</c>. This is the Docker host when the silo runs beside its Compose project,
/// the deployment the Compose actuator is made for; the paths are settable for tests and for a host's <c>/proc</c>
/// mounted into a container.
/// </summary>
public sealed class ProcHostCapacityReader(string memInfoPath = "/proc/meminfo", string loadAvgPath = "/proc/loadavg") : IHostCapacityReader
{
    /// <inheritdoc />
    public async Task<HostCapacityReading> ReadAsync(CancellationToken cancellationToken)
    {
        var memInfo = await File.ReadAllLinesAsync(memInfoPath, cancellationToken);
        var available = memInfo.Select(line => line.Split(':', 2)).FirstOrDefault(parts => parts[0] == "MemAvailable") is [_, var value]
                        && double.TryParse(value.Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var kb)
            ? kb / 1024
            : throw new IOException($"{memInfoPath} has no readable MemAvailable line.");
        double? idle = null;
        if (File.Exists(loadAvgPath)
            && (await File.ReadAllTextAsync(loadAvgPath, cancellationToken)).Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var first, ..]
            && double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var load))
        {
            idle = Math.Max(0, Environment.ProcessorCount - load);
        }

        return new HostCapacityReading(available, idle);
    }
}
