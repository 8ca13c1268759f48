using Autoscaler.Ports.Alarms;

namespace Autoscaler.Grains.Interfaces.Wire;

/// <summary>How an <see cref="AlarmHistoryPage"/> crosses the grain wire.</summary>
[GenerateSerializer, Alias("autoscaler.AlarmHistoryPage")]
internal struct AlarmHistoryPageSurrogate
{
    [Id(0)]
    public List<AlarmRecord> Entries;

    [Id(1)]
    public string? NextCursor;
}
