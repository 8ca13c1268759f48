using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Grains.Policies;

/// <summary>Holds one policy's configuration and its latest vote.</summary>
public sealed class PolicyGrain(
    [PersistentState("policy", GrainStorage.Default)] IPersistentState<PolicyState> state) : Grain, IPolicyGrain
{
    private PolicyVote? _lastVote;

    private string Target => this.GetPrimaryKeyString().Split('/')[0];

    public async Task<PolicyStatus> SetAsync(PolicyDefinition definition)
    {
        state.State.Definition = definition;
        state.State.Version++;
        await state.WriteStateAsync();
        return await GetAsync();
    }

    public Task<PolicyStatus> GetAsync() =>
        Task.FromResult(new PolicyStatus(Target, state.State.Definition, _lastVote, state.State.Version));

    public Task RecordVoteAsync(PolicyVote vote)
    {
        _lastVote = vote;
        return Task.CompletedTask;
    }

    public async Task DeleteAsync()
    {
        state.State.Definition = null;
        state.State.Version++;
        _lastVote = null;
        await state.WriteStateAsync();
    }
}
