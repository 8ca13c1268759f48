using Autoscaler.Ports.Telemetry;
using Orleans.Serialization.Cloning;

namespace Autoscaler.Grains.Interfaces.Wire;

/// <summary>
/// A sample is never changed once parsed (the telemetry sink's contract lets receivers keep it), so calls inside a silo
/// pass it by reference instead of copying it through its surrogate.
/// </summary>
[RegisterCopier]
internal sealed class TelemetrySampleCopier : IDeepCopier<TelemetrySample>, IOptionalDeepCopier
{
    public TelemetrySample? DeepCopy(TelemetrySample? input, CopyContext context) => input;

    public bool IsShallowCopyable() => true;
}
