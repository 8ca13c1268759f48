using Autoscaler.Ports.Telemetry;

namespace Autoscaler.Adapters.Tests.Sources;

/// <summary>A sink whose grain side is unavailable: every delivery throws.</summary>
internal sealed class ThrowingTelemetrySink : ITelemetrySink
{
    public int Calls { get; private set; }

    public ValueTask DeliverAsync(string target, ReadOnlyMemory<TelemetrySample> batch, CancellationToken cancellationToken)
    {
        Calls++;
        throw new InvalidOperationException("silo shutting down");
    }

    public ValueTask DeliverLifecycleAsync(string target, AgentLifecycleEvent lifecycle, CancellationToken cancellationToken) =>
        ValueTask.CompletedTask;
}
