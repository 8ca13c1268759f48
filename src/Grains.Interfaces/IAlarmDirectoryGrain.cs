namespace Autoscaler.Grains.Interfaces;

/// <summary>Every alarm (key <see cref="Key"/>): listing, the composites watching an alarm, and the checks that keep
/// composites sound (what they name exists, no cycles).</summary>
[Alias("autoscaler.IAlarmDirectoryGrain")]
public interface IAlarmDirectoryGrain : IGrainWithStringKey
{
    /// <summary>The one directory's key.</summary>
    public const string Key = "all";

    /// <summary>Adds or updates an entry; throws <see cref="ArgumentException"/> (field <c>rule</c>) when it watches an
    /// alarm that does not exist or would close a cycle of composites.</summary>
    [Alias("Add")]
    public Task AddAsync(AlarmEntry entry);

    /// <summary>Removes an entry; throws <see cref="InvalidOperationException"/> while a composite watches it.</summary>
    [Alias("Remove")]
    public Task RemoveAsync(string name);

    /// <summary>Every entry, by name.</summary>
    [Alias("List")]
    public Task<IReadOnlyList<AlarmEntry>> ListAsync();

    /// <summary>The alarms that watch <paramref name="name"/>.</summary>
    [Alias("WatchersOf")]
    public Task<IReadOnlyList<string>> WatchersOfAsync(string name);
}
