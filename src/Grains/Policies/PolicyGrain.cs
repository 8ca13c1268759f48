using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Grains.Policies;

/// <summary>
/// Holds one policy's configuration and its latest vote. Votes arrive only when they change, so a policy whose vote
/// holds leaves memory after <see cref="IdleMinutes"/> idle minutes instead of Orleans' default two hours (an activation
/// is about 2.8 KB per policy of every target); its unsaved vote is written on the way out and read back with the
/// configuration, so the latest vote survives the deactivation.
/// </summary>
[CollectionAgeLimit(Minutes = IdleMinutes)]
[Placement.TargetPlacement]
public sealed class PolicyGrain(
    [PersistentState("policy", GrainStorage.Default)] IPersistentState<PolicyState> state) : Grain, IPolicyGrain
{
    /// <summary>Idle time after which the activation is collected.</summary>
    public const double IdleMinutes = 5;

    private bool _voteUnsaved;

    private string Target => this.GetPrimaryKeyString().Split('/')[0];

    public async Task<PolicyStatus> SetAsync(PolicyDefinition definition)
    {
        state.State.Definition = definition;
        state.State.Version++;
        await WriteAsync();
        return await GetAsync();
    }

    public Task<PolicyStatus> GetAsync() =>
        Task.FromResult(new PolicyStatus(Target, state.State.Definition, state.State.LastVote, state.State.Version));

    public Task RecordVoteAsync(PolicyVote vote)
    {
        state.State.LastVote = vote;
        _voteUnsaved = true;
        return Task.CompletedTask;
    }

    public async Task DeleteAsync()
    {
        state.State.Definition = null;
        state.State.Version++;
        state.State.LastVote = null;
        await WriteAsync();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Not on shutdown: after a restart the service grain sends every vote again with its first evaluation. A failed
        // write only loses the vote, as before votes were saved at all.
        if (_voteUnsaved && reason.ReasonCode != DeactivationReasonCode.ShuttingDown)
        {
            await WriteAsync();
        }
    }

    private async Task WriteAsync()
    {
        await state.WriteStateAsync();
        _voteUnsaved = false;
    }
}
