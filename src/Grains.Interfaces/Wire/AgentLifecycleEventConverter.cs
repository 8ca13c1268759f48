using Autoscaler.Ports.Telemetry;
using Orleans.Serialization.Cloning;

namespace Autoscaler.Grains.Interfaces.Wire;

/// <summary>Maps <see cref="AgentLifecycleEvent"/> to and from its wire surrogate; the record is immutable, so it is never copied.</summary>
[RegisterConverter, RegisterCopier]
internal sealed class AgentLifecycleEventConverter
    : IConverter<AgentLifecycleEvent, AgentLifecycleEventSurrogate>, IDeepCopier<AgentLifecycleEvent>, IOptionalDeepCopier
{
    public AgentLifecycleEvent ConvertFromSurrogate(in AgentLifecycleEventSurrogate surrogate) => new(surrogate.Source, surrogate.Kind, surrogate.At);

    public AgentLifecycleEventSurrogate ConvertToSurrogate(in AgentLifecycleEvent value) => new() { Source = value.Source, Kind = value.Kind, At = value.At };

    public AgentLifecycleEvent? DeepCopy(AgentLifecycleEvent? input, CopyContext context) => input;

    public bool IsShallowCopyable() => true;
}
