using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Grains.Alarms.State;

/// <summary>Persisted state of the <see cref="AlarmDirectoryGrain"/>.</summary>
[GenerateSerializer, Alias("autoscaler.AlarmDirectoryState")]
public sealed class AlarmDirectoryState
{
    /// <summary>Every alarm, by name.</summary>
    [Id(0)]
    public Dictionary<string, AlarmEntry> Alarms { get; set; } = [];
}
