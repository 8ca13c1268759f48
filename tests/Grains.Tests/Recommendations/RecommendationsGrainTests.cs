using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Tests.Infrastructure;
using static Autoscaler.Grains.Tests.Services.TargetBuilder;

namespace Autoscaler.Grains.Tests.Recommendations;

/// <summary>The grain: the recompute timer on the fake clock, records kept across recomputes, apply and dismiss.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RecommendationsGrainTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Recomputes_soon_after_start_then_daily_and_a_differing_proposal_supersedes_the_open_one()
    {
        var target = NewId();
        var grain = fixture.Client.GetGrain<IRecommendationsGrain>($"timer-{target}");
        fixture.Recommendations.Proposals = [Proposals.RightSize(target, 0.5, 1)];
        await grain.StartAsync();
        Assert.Empty(await grain.ListAsync(target, null));

        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        await WaitForRecomputeAsync(grain, target, 1);
        Assert.Equal(Proposals.RightSize(target, 0.5, 1).Id, Assert.Single(await grain.ListAsync(target, RecommendationStates.Open)).Id);

        fixture.Recommendations.Proposals = [Proposals.RightSize(target, 0.5, 2)];
        fixture.Clock.Advance(TimeSpan.FromDays(1));
        await WaitForRecomputeAsync(grain, target, 2);
        var records = await grain.ListAsync(target, null);
        Assert.Equal(RecommendationStates.Superseded, records.Single(r => r.Id == Proposals.RightSize(target, 0.5, 1).Id).State);
        Assert.Equal(RecommendationStates.Open, records.Single(r => r.Id == Proposals.RightSize(target, 0.5, 2).Id).State);
    }

    [Fact]
    public async Task Applying_a_schedule_sets_the_targets_scheduled_policy_and_a_decided_record_refuses_a_second_decision()
    {
        var target = NewId();
        await fixture.Client.GetGrain<IServiceGrain>(target).ConfigureAsync(Simulated(target));
        var grain = fixture.Client.GetGrain<IRecommendationsGrain>($"apply-{target}");
        var schedule = Proposals.Schedule(target, 1);
        var commitment = Proposals.Commitment(target, 2);
        fixture.Recommendations.Proposals = [schedule, commitment];
        await grain.RecomputeAsync();

        var dry = await grain.ApplyAsync(new RecommendationAction(schedule.Id, "alice", "try", DryRun: true));
        Assert.Equal(RecommendationOutcome.DryRun, dry.Outcome);
        Assert.DoesNotContain(await fixture.Client.GetGrain<IServiceGrain>(target).GetPoliciesAsync(), p => p.Name == "optimizer-schedule");

        var applied = await grain.ApplyAsync(new RecommendationAction(schedule.Id, "alice", "nights are quiet"));
        var dismissed = await grain.DismissAsync(new RecommendationAction(commitment.Id, "bob", "no budget for commitments"));
        var again = await grain.DismissAsync(new RecommendationAction(schedule.Id, "bob", "changed my mind"));
        var unknown = await grain.ApplyAsync(new RecommendationAction("rec-unknown", "bob", null));

        Assert.Equal((RecommendationOutcome.Applied, RecommendationStates.Applied, "alice"), (applied.Outcome, applied.Record!.State, applied.Record.DecidedBy));
        Assert.Contains(await fixture.Client.GetGrain<IServiceGrain>(target).GetPoliciesAsync(), p => p.Name == "optimizer-schedule" && p.Json == schedule.ProposalJson);
        Assert.Equal((RecommendationOutcome.Dismissed, "no budget for commitments"), (dismissed.Outcome, dismissed.Record!.DecisionReason));
        Assert.Equal(RecommendationOutcome.NotOpen, again.Outcome);
        Assert.Equal(RecommendationOutcome.NotFound, unknown.Outcome);
    }

    [Fact]
    public async Task A_commitment_is_recorded_as_applied_and_says_the_purchase_happens_outside()
    {
        var target = NewId();
        var grain = fixture.Client.GetGrain<IRecommendationsGrain>($"commit-{target}");
        fixture.Recommendations.Proposals = [Proposals.Commitment(target, 3)];
        await grain.RecomputeAsync();

        var result = await grain.ApplyAsync(new RecommendationAction(Proposals.Commitment(target, 3).Id, null, null));

        Assert.Equal(RecommendationOutcome.Applied, result.Outcome);
        Assert.Equal($"recommendation:{Proposals.Commitment(target, 3).Id}", result.Record!.DecidedBy);
        Assert.Contains("does not buy capacity", result.Message, StringComparison.Ordinal);
    }

    private static async Task WaitForRecomputeAsync(IRecommendationsGrain grain, string target, int count)
    {
        // The timer's recompute is a grain turn: a call queued behind it answers after it; bounded, never a sleep.
        using var bound = new CancellationTokenSource(Bound);
        while (!bound.IsCancellationRequested)
        {
            var records = await grain.ListAsync(target, null);
            if (records.Count >= count)
            {
                return;
            }

            await Task.Yield();
        }

        Assert.Fail($"no recompute produced {count} records for {target}");
    }
}
