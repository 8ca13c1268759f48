using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Tests.Infrastructure;
using Orleans.Core.Internal;
using static Autoscaler.Grains.Tests.Services.TargetBuilder;

namespace Autoscaler.Grains.Tests.Policies;

[Collection(ClusterCollection.Name)]
public sealed class PolicyGrainTests(ClusterFixture fixture)
{
    private IPolicyGrain NewPolicy() => fixture.Client.GetGrain<IPolicyGrain>($"{NewId()}/cpu");

    private PolicyVote Vote(int desired) =>
        new(fixture.Clock.GetUtcNow(), "Voted", desired, 80, 0.9, $"cpu: average 80 per instance vs target 50 -> {desired}");

    /// <summary>Votes are one-way messages: waits (without sleeping) until the grain reports this one.</summary>
    private static async Task<PolicyStatus> VotedAsync(IPolicyGrain policy, int desired)
    {
        for (var attempt = 0; attempt < 10_000; attempt++)
        {
            var status = await policy.GetAsync();
            if (status.LastVote?.Desired == desired)
            {
                return status;
            }
        }

        throw new TimeoutException($"the vote for {desired} never arrived");
    }

    [Fact]
    public async Task The_latest_vote_survives_the_activation_being_collected()
    {
        var policy = NewPolicy();
        await policy.SetAsync(CpuAverage());
        await policy.RecordVoteAsync(Vote(4));
        await VotedAsync(policy, 4);
        await policy.RecordVoteAsync(Vote(6));
        await VotedAsync(policy, 6);

        await policy.AsReference<IGrainManagementExtension>().DeactivateOnIdle();

        var status = await policy.GetAsync();
        Assert.Equal(Vote(6), status.LastVote);
        Assert.Equal(1, status.Version);
        Assert.Equal(CpuAverage(), status.Definition);
    }

    [Fact]
    public async Task A_configuration_change_keeps_the_vote_and_bumps_the_version()
    {
        var policy = NewPolicy();
        await policy.SetAsync(CpuAverage());
        await policy.RecordVoteAsync(Vote(3));
        await VotedAsync(policy, 3);

        var status = await policy.SetAsync(CpuAverage(60));

        Assert.Equal(2, status.Version);
        Assert.Equal(3, status.LastVote!.Desired);
        Assert.Equal(CpuAverage(60), status.Definition);
    }

    [Fact]
    public async Task Deleting_forgets_the_configuration_and_the_vote_also_after_a_reactivation()
    {
        var policy = NewPolicy();
        await policy.SetAsync(CpuAverage());
        await policy.RecordVoteAsync(Vote(5));
        await VotedAsync(policy, 5);

        await policy.DeleteAsync();
        await policy.AsReference<IGrainManagementExtension>().DeactivateOnIdle();

        var status = await policy.GetAsync();
        Assert.Null(status.Definition);
        Assert.Null(status.LastVote);
        Assert.Equal(2, status.Version);
    }
}
