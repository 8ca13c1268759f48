using Orleans.Concurrency;

namespace Autoscaler.Grains.Interfaces;

/// <summary>
/// One scaling policy of one target (key: <c>{target}/{policy}</c>): its configuration (versioned) and its latest vote
/// and why. The service grain evaluates all of a target's policies in one engine pass and reports each vote here.
/// </summary>
[Alias("autoscaler.IPolicyGrain")]
public interface IPolicyGrain : IGrainWithStringKey
{
    /// <summary>Stores the configuration and bumps the version.</summary>
    [Alias("Set")]
    public Task<PolicyStatus> SetAsync(PolicyDefinition definition);

    /// <summary>Configuration, version and latest vote.</summary>
    [Alias("Get")]
    public Task<PolicyStatus> GetAsync();

    /// <summary>Records the latest vote (kept in memory; the decision history holds every vote's explanation).</summary>
    [Alias("RecordVote"), OneWay]
    public Task RecordVoteAsync(PolicyVote vote);

    /// <summary>Deletes the configuration.</summary>
    [Alias("Delete")]
    public Task DeleteAsync();
}
