using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Policies;

namespace Autoscaler.Scaling.Tests;

/// <summary>
/// How proposals combine: the contract's default (Kubernetes computeReplicasForMetrics takes the largest; AWS target
/// tracking scales out if any policy wants to and in only if all do) and the consensus extension.
/// </summary>
public sealed class CombinationTests
{
    private static ScalingDecision Evaluate(int current, Consensus? consensus, params ScalingPolicy[] policies)
    {
        var request = Build.Request(current, 0, 100, Build.Metrics(), ScalingHistory.Empty, policies);
        return ScalingEngine.Evaluate(request with
        {
            PolicySet = request.PolicySet with { Behavior = Build.NoStabilization, Consensus = consensus ?? Consensus.Default },
        });
    }

    private static FixedPolicy P(string name, int? desired) => new(name, desired);

    [Theory]
    [InlineData(4, 6, 2, 6)] // out if any, the largest proposal
    [InlineData(4, 2, 3, 3)] // in only if all, the largest proposal
    [InlineData(4, 2, 4, 4)] // one says stay: stay
    public void Default_rule(int current, int a, int b, int expected)
    {
        Assert.Equal(expected, Evaluate(current, null, P("a", a), P("b", b)).Desired);
    }

    [Fact]
    public void No_data_blocks_scale_in_but_not_scale_out()
    {
        var held = Evaluate(4, null, P("a", 2), P("b", null));
        var outward = Evaluate(4, null, P("a", 7), P("b", null));

        Assert.Equal((4, LimitReason.NoData), (held.Desired, held.LimitedBy!.Value));
        Assert.Equal(7, outward.Desired);
    }

    [Fact]
    public void A_policy_that_may_not_scale_in_takes_no_part_in_scale_in()
    {
        var decision = Evaluate(6, null, P("a", 2) with { MayScaleIn = false }, P("b", 3));

        Assert.Equal(3, decision.Desired);
    }

    [Fact]
    public void A_policy_in_cooldown_holds_scale_in()
    {
        var decision = Evaluate(6, null, P("a", 6) with { Status = ProposalStatus.BlockedByCooldown }, P("b", 3));

        Assert.Equal((6, LimitReason.Cooldown), (decision.Desired, decision.LimitedBy!.Value));
    }

    [Fact]
    public void No_matching_step_does_not_object()
    {
        var decision = Evaluate(6, null, P("a", null) with { Status = ProposalStatus.NoMatchingStep }, P("b", 3));

        Assert.Equal(3, decision.Desired);
    }

    [Fact]
    public void Nothing_votes_stays()
    {
        var decision = Evaluate(6, null, P("a", null) with { Status = ProposalStatus.Inactive });

        Assert.Equal((6, (LimitReason?)null), (decision.Desired, decision.LimitedBy));
    }

    [Theory]
    [InlineData(ConsensusRule.Majority, 0, 8, 8, 4, 8)] // 2 of 3 want out
    [InlineData(ConsensusRule.Majority, 0, 8, 4, 4, 4)] // 1 of 3: stay
    [InlineData(ConsensusRule.Majority, 0, 2, 3, 4, 3)] // 2 of 3 want in: the largest of them
    [InlineData(ConsensusRule.Unanimous, 0, 8, 8, 4, 4)]
    [InlineData(ConsensusRule.Unanimous, 0, 6, 7, 5, 7)]
    [InlineData(ConsensusRule.Unanimous, 0, 2, 3, 4, 4)]
    [InlineData(ConsensusRule.Quorum, 1, 8, 4, 4, 8)]
    [InlineData(ConsensusRule.Quorum, 2, 8, 4, 4, 4)]
    [InlineData(ConsensusRule.Quorum, 2, 2, 3, 4, 3)]
    public void Consensus_rules(ConsensusRule rule, int quorum, int a, int b, int c, int expected)
    {
        var decision = Evaluate(4, new Consensus(rule, quorum), P("a", a), P("b", b), P("c", c));

        Assert.Equal(expected, decision.Desired);
    }

    [Fact]
    public void Majority_counts_no_data_against_scale_in()
    {
        Assert.Equal(4, Evaluate(4, new Consensus(ConsensusRule.Majority), P("a", 2), P("b", null), P("c", null)).Desired);
    }

    [Fact]
    public void The_driving_policy_is_attributed_the_scale_event()
    {
        var decision = Evaluate(4, null, P("a", 6), P("b", 9));

        Assert.Equal("b", decision.DrivenBy);
        Assert.Equal("b", decision.NextHistory.ScaleEvents[^1].Policy);
    }

    [Fact]
    public void Disable_scale_in_target_tracking_votes_current_and_abstains()
    {
        var cpu = Build.Tracking("cpu", TargetType.AverageValue, 100) with { DisableScaleIn = true };
        var context = Build.Context(6, Build.Metrics(("cpu", MetricReading.Aggregate(100))));

        var proposal = cpu.Propose(context);

        Assert.Equal((6, false), (proposal.Desired!.Value, proposal.MayScaleIn));
    }

    [Fact]
    public void Target_tracking_scale_in_cooldown_blocks_scale_in()
    {
        var cpu = Build.Tracking("cpu", TargetType.AverageValue, 100) with { ScaleInCooldownSeconds = 300 };
        var metrics = Build.Metrics(("cpu", MetricReading.Aggregate(100)));

        var blocked = cpu.Propose(Build.Context(6, metrics, Build.Events((120, -1, "cpu"))));
        var free = cpu.Propose(Build.Context(6, metrics, Build.Events((301, -1, "cpu"))));

        Assert.Equal((ProposalStatus.BlockedByCooldown, 6), (blocked.Status, blocked.Desired!.Value));
        Assert.Equal((ProposalStatus.Vote, 1), (free.Status, free.Desired!.Value));
    }

    [Fact]
    public void Target_tracking_does_not_scale_in_right_after_its_own_scale_out()
    {
        var cpu = Build.Tracking("cpu", TargetType.AverageValue, 100) with { ScaleOutCooldownSeconds = 120 };
        var metrics = Build.Metrics(("cpu", MetricReading.Aggregate(100)));

        var proposal = cpu.Propose(Build.Context(6, metrics, Build.Events((60, 3, "cpu"))));

        Assert.Equal(ProposalStatus.BlockedByCooldown, proposal.Status);
    }
}
