using Autoscaler.Ports.Alarms;
using Orleans.Serialization.Cloning;

namespace Autoscaler.Grains.Interfaces.Wire;

/// <summary>Maps <see cref="AlarmHistoryPage"/> to and from its wire surrogate; the page is immutable, so it is never copied.</summary>
[RegisterConverter, RegisterCopier]
internal sealed class AlarmHistoryPageConverter : IConverter<AlarmHistoryPage, AlarmHistoryPageSurrogate>, IDeepCopier<AlarmHistoryPage>, IOptionalDeepCopier
{
    public AlarmHistoryPage ConvertFromSurrogate(in AlarmHistoryPageSurrogate surrogate) => new(surrogate.Entries ?? [], surrogate.NextCursor);

    public AlarmHistoryPageSurrogate ConvertToSurrogate(in AlarmHistoryPage value) => new() { Entries = [.. value.Entries], NextCursor = value.NextCursor };

    public AlarmHistoryPage? DeepCopy(AlarmHistoryPage? input, CopyContext context) => input;

    public bool IsShallowCopyable() => true;
}
