using Autoscaler.Ports.Telemetry;

namespace Autoscaler.Grains.Telemetry;

/// <summary>An <see cref="ITelemetryLimitCounter"/> that counts nothing: for a process without the telemetry pipeline.</summary>
internal sealed class UncountedTelemetryLimits : ITelemetryLimitCounter
{
    public void Refused(string target, TelemetryLimit limit, int values)
    {
    }
}
