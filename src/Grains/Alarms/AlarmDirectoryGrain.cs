using Autoscaler.Grains.Alarms.State;
using Autoscaler.Grains.Interfaces;
using Orleans.Concurrency;

namespace Autoscaler.Grains.Alarms;

/// <summary>
/// Every alarm and what each composite watches. Reentrant with group-committed writes, like the target directory: creating
/// thousands of alarms at once costs a few writes per batch. Keeps composites sound: what they watch exists, no cycles,
/// and a watched alarm cannot be deleted.
/// </summary>
[Reentrant]
public sealed class AlarmDirectoryGrain : Grain, IAlarmDirectoryGrain
{
    private readonly IPersistentState<AlarmDirectoryState> _state;
    private readonly GroupCommit<AlarmDirectoryState> _commit;
    private Dictionary<string, AlarmEntry> _alarms = [];

    /// <summary>Creates the grain over its persisted state.</summary>
    public AlarmDirectoryGrain([PersistentState("alarms", GrainStorage.Default)] IPersistentState<AlarmDirectoryState> state)
    {
        _state = state;
        _commit = new GroupCommit<AlarmDirectoryState>(state, () => new AlarmDirectoryState { Alarms = new(_alarms, StringComparer.Ordinal) });
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _alarms = new Dictionary<string, AlarmEntry>(_state.State.Alarms, StringComparer.Ordinal);
        return Task.CompletedTask;
    }

    public async Task AddAsync(AlarmEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        foreach (var watched in entry.Watches)
        {
            if (watched != entry.Name && !_alarms.ContainsKey(watched))
            {
                throw new ArgumentException($"rule: no alarm named '{watched}' exists (create the alarms a composite watches first)");
            }

            if (Reaches(watched, entry.Name))
            {
                throw new ArgumentException($"rule: watching '{watched}' would close a cycle of composite alarms back to '{entry.Name}'");
            }
        }

        if (_alarms.TryGetValue(entry.Name, out var known) && known.Target == entry.Target && known.Watches.SequenceEqual(entry.Watches))
        {
            return;
        }

        _alarms[entry.Name] = entry;
        await _commit.CommitAsync();
    }

    public async Task RemoveAsync(string name)
    {
        var watchers = Watchers(name);
        if (watchers.Count > 0)
        {
            throw new InvalidOperationException($"alarm '{name}' is watched by {string.Join(", ", watchers)}: delete or change those first");
        }

        if (_alarms.Remove(name))
        {
            await _commit.CommitAsync();
        }
    }

    public Task<IReadOnlyList<AlarmEntry>> ListAsync() =>
        Task.FromResult<IReadOnlyList<AlarmEntry>>([.. _alarms.Values.OrderBy(a => a.Name, StringComparer.Ordinal)]);

    public Task<IReadOnlyList<string>> WatchersOfAsync(string name) => Task.FromResult(Watchers(name));

    private IReadOnlyList<string> Watchers(string name) =>
        [.. _alarms.Values.Where(a => a.Watches.Contains(name)).Select(a => a.Name).Order(StringComparer.Ordinal)];

    // True when `from` (transitively) watches `to`.
    private bool Reaches(string from, string to)
    {
        var pending = new Stack<string>([from]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryPop(out var name))
        {
            if (name == to)
            {
                return true;
            }

            if (seen.Add(name) && _alarms.TryGetValue(name, out var entry))
            {
                foreach (var next in entry.Watches)
                {
                    pending.Push(next);
                }
            }
        }

        return false;
    }
}
