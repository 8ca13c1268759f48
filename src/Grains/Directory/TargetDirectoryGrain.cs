using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Grains.Directory;

/// <summary>Keeps the set of registered targets.</summary>
public sealed class TargetDirectoryGrain(
    [PersistentState("directory", GrainStorage.Default)] IPersistentState<TargetDirectoryState> state) : Grain, ITargetDirectoryGrain
{
    public async Task AddAsync(string target, string scope)
    {
        if (state.State.Targets.TryGetValue(target, out var known) && known == scope)
        {
            return;
        }

        state.State.Targets[target] = scope;
        state.State.Version++;
        await state.WriteStateAsync();
    }

    public async Task RemoveAsync(string target)
    {
        if (state.State.Targets.Remove(target))
        {
            state.State.Version++;
            await state.WriteStateAsync();
        }
    }

    public Task<TargetDirectory> ListAsync() =>
        Task.FromResult(new TargetDirectory(state.State.Version, new Dictionary<string, string>(state.State.Targets)));
}
