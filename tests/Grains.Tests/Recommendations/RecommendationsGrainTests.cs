using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Recommendations;
using Autoscaler.Grains.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using static Autoscaler.Grains.Tests.Services.TargetBuilder;

namespace Autoscaler.Grains.Tests.Recommendations;

/// <summary>
/// The grain: the recompute timer on the fake clock, records kept across recomputes, apply and dismiss, the records spread
/// over shards and listed page by page, and records kept in one state by an earlier version handed to the shards.
/// </summary>
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
        Assert.Empty(await ListAsync(grain, target, null));

        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        await WaitForRecomputeAsync(grain, target, 1);
        Assert.Equal(Proposals.RightSize(target, 0.5, 1).Id, Assert.Single(await ListAsync(grain, target, RecommendationStates.Open)).Id);

        fixture.Recommendations.Proposals = [Proposals.RightSize(target, 0.5, 2)];
        fixture.Clock.Advance(TimeSpan.FromDays(1));
        await WaitForRecomputeAsync(grain, target, 2);
        var records = await ListAsync(grain, target, null);
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

    [Fact]
    public async Task A_large_fleets_records_spread_over_the_shards_and_come_back_page_by_page_in_one_order()
    {
        var fleet = $"paging-{NewId()}";
        var grain = fixture.Client.GetGrain<IRecommendationsGrain>(fleet);
        var targets = Enumerable.Range(0, 300).Select(i => $"{fleet}-t{i}").ToList();
        fixture.Recommendations.Proposals = [.. targets.SelectMany(t => new[] { Proposals.RightSize(t, 0.5, 1), Proposals.Commitment(t, t.Length % 5) })];
        try
        {
            await PageThroughAsync(grain, targets);
        }
        finally
        {
            // The fleet grains' recompute timers outlive the test and fire when later tests move the shared fake clock:
            // they must find nothing to merge.
            fixture.Recommendations.Proposals = [];
        }
    }

    private async Task PageThroughAsync(IRecommendationsGrain grain, List<string> targets)
    {
        var recompute = await grain.RecomputeAsync();

        Assert.Equal((300, 0, 600, 600, 0), (recompute.Targets, recompute.Skipped, recompute.Open, recompute.Opened, recompute.Superseded));
        Assert.True(targets.Select(RecommendationShards.ShardOf).Distinct().Count() > RecommendationShards.Count / 2, "300 targets should reach most shards");
        var expected = RecommendationLedger.Select(fixture.Recommendations.Proposals.Select(p => p with { CreatedAt = fixture.Clock.GetUtcNow() }), null, null);
        var paged = new List<RecommendationRecord>();
        for (var offset = 0; ; offset += 37)
        {
            var page = await grain.ListAsync(new RecommendationQuery(Offset: offset, Limit: 37));
            Assert.Equal(600, page.Total);
            paged.AddRange(page.Records);
            if (page.Records.Count < 37)
            {
                break;
            }
        }

        Assert.Equal(expected.Select(r => r.Id), paged.Select(r => r.Id));
        var one = await grain.ListAsync(new RecommendationQuery(targets[7], RecommendationStates.Open));
        Assert.Equal((2, 2), (one.Total, one.Records.Count(r => r.Target == targets[7])));

        // The next recompute proposes a different size for one target: one opened, one superseded, the rest kept.
        var changed = Proposals.RightSize(targets[3], 1, 2);
        fixture.Recommendations.Proposals = [.. fixture.Recommendations.Proposals.Where(p => p.Id != Proposals.RightSize(targets[3], 0.5, 1).Id), changed];
        var again = await grain.RecomputeAsync();
        Assert.Equal((600, 1, 1), (again.Open, again.Opened, again.Superseded));
        var superseded = Assert.Single((await grain.ListAsync(new RecommendationQuery(targets[3], RecommendationStates.Superseded))).Records);
        Assert.Equal(changed.Id, superseded.SupersededBy);
    }

    [Fact]
    public async Task A_page_outside_its_bounds_is_refused()
    {
        var grain = fixture.Client.GetGrain<IRecommendationsGrain>($"bounds-{NewId()}");
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => grain.ListAsync(new RecommendationQuery(Limit: 0)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => grain.ListAsync(new RecommendationQuery(Limit: RecommendationQuery.MaxLimit + 1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => grain.ListAsync(new RecommendationQuery(Offset: -1)));
    }

    [Fact]
    public async Task Records_an_earlier_version_kept_in_the_fleets_own_state_are_handed_to_the_shards_at_activation()
    {
        var target = NewId();
        var fleet = $"legacy-{target}";
        var open = Proposals.Commitment(target, 2);
        var dismissed = Proposals.RightSize(target, 0.5, 1) with { State = RecommendationStates.Dismissed, DecidedBy = "bob", DecidedAt = Proposals.At };
        var storage = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Default);
        var grainId = fixture.Client.GetGrain<IRecommendationsGrain>(fleet).GetGrainId();
        await storage.WriteStateAsync("recommendations", grainId, new GrainState<RecommendationsState>(new RecommendationsState { Records = [open, dismissed] }));

        var grain = fixture.Client.GetGrain<IRecommendationsGrain>(fleet);
        var all = await grain.ListAsync(new RecommendationQuery(target));

        Assert.Equal([open.Id, dismissed.Id], all.Records.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Equal(RecommendationOutcome.Applied, (await grain.ApplyAsync(new RecommendationAction(open.Id, "alice", "bought"))).Outcome);
        var stored = new GrainState<RecommendationsState>(new RecommendationsState());
        await storage.ReadStateAsync("recommendations", grainId, stored);
        Assert.Empty(Assert.IsType<RecommendationsState>(stored.State).Records);
    }

    private static async Task<IReadOnlyList<RecommendationRecord>> ListAsync(IRecommendationsGrain grain, string target, string? state) =>
        (await grain.ListAsync(new RecommendationQuery(target, state))).Records;

    private async Task WaitForRecomputeAsync(IRecommendationsGrain grain, string target, int count)
    {
        // The timer's recompute interleaves with calls: done once its records are in the shards and its summary (set
        // with the next period's timer) says it ran at the fake clock's time. Bounded, never a sleep.
        using var bound = new CancellationTokenSource(Bound);
        while (!bound.IsCancellationRequested)
        {
            var records = await ListAsync(grain, target, null);
            if (records.Count >= count && (await grain.GetSummaryAsync())?.ComputedAt == fixture.Clock.GetUtcNow())
            {
                return;
            }

            await Task.Yield();
        }

        Assert.Fail($"no recompute produced {count} records for {target}");
    }
}
