using Autoscaler.Grains.Interfaces;
using Orleans.Concurrency;

namespace Autoscaler.Grains.Directory;

/// <summary>
/// Keeps the set of registered targets. Every registration passes through this one grain, so it is reentrant and its
/// writes are group-committed: a fleet registering thousands of targets at once costs a few writes per batch of
/// concurrent registrations, not one whole-directory write each.
/// </summary>
[Reentrant]
public sealed class TargetDirectoryGrain : Grain, ITargetDirectoryGrain
{
    private readonly IPersistentState<TargetDirectoryState> _state;
    private readonly GroupCommit<TargetDirectoryState> _commit;
    private Dictionary<string, string> _targets = [];
    private long _version;

    /// <summary>Creates the grain over its persisted state.</summary>
    public TargetDirectoryGrain([PersistentState("directory", GrainStorage.Default)] IPersistentState<TargetDirectoryState> state)
    {
        _state = state;
        _commit = new GroupCommit<TargetDirectoryState>(state, Snapshot);
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _targets = new Dictionary<string, string>(_state.State.Targets, StringComparer.Ordinal);
        _version = _state.State.Version;
        return Task.CompletedTask;
    }

    public async Task AddAsync(string target, string scope)
    {
        if (_targets.TryGetValue(target, out var known) && known == scope)
        {
            return;
        }

        _targets[target] = scope;
        _version++;
        await _commit.CommitAsync();
    }

    public async Task AddManyAsync(IReadOnlyDictionary<string, string> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var changed = false;
        foreach (var (target, scope) in targets)
        {
            if (!_targets.TryGetValue(target, out var known) || known != scope)
            {
                _targets[target] = scope;
                changed = true;
            }
        }

        if (changed)
        {
            _version++;
            await _commit.CommitAsync();
        }
    }

    public async Task RemoveAsync(string target)
    {
        if (_targets.Remove(target))
        {
            _version++;
            await _commit.CommitAsync();
        }
    }

    public Task<TargetDirectory> ListAsync() =>
        Task.FromResult(new TargetDirectory(_version, new Dictionary<string, string>(_targets)));

    private TargetDirectoryState Snapshot() =>
        new() { Targets = new Dictionary<string, string>(_targets, StringComparer.Ordinal), Version = _version };
}
