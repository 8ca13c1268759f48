using Autoscaler.Adapters.Actuators.Compose;

namespace Autoscaler.Adapters.Tests.Actuators.Support;

/// <summary>A host whose free capacity the test scripts: each read returns the next reading (the last one repeats), or throws.</summary>
public sealed class ScriptedHostCapacityReader(params HostCapacityReading[] readings) : IHostCapacityReader
{
    private int _next;

    public int Reads { get; private set; }

    public Exception? Failure { get; init; }

    public Task<HostCapacityReading> ReadAsync(CancellationToken cancellationToken)
    {
        Reads++;
        if (Failure is not null)
        {
            throw Failure;
        }

        if (readings.Length == 0)
        {
            throw new InvalidOperationException("The test scripted no host reading, yet the guard read the host.");
        }

        return Task.FromResult(readings[Math.Min(_next++, readings.Length - 1)]);
    }
}
