using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Recommendations;
using static Autoscaler.Grains.Tests.Recommendations.Proposals;

namespace Autoscaler.Grains.Tests.Recommendations;

/// <summary>What an apply asks of the size grain and the policy store, built without a cluster.</summary>
public sealed class RecommendationApplierTests
{
    [Fact]
    public void A_right_size_becomes_a_size_change_for_the_proposed_size_named_after_the_recommendation()
    {
        var record = RightSize("web", 0.5, 1);

        var request = RecommendationApplier.SizeRequest(record, new RecommendationAction(record.Id, null, null, DryRun: true));

        Assert.Equal(new SizeChangeRequest(0.5, 1, $"recommendation:{record.Id}", $"recommendation {record.Id}: {record.Summary}", true, record.Id), request);
    }

    [Fact]
    public void The_callers_name_and_reason_go_into_the_size_change()
    {
        var record = RightSize("web", 2, 4);

        var request = RecommendationApplier.SizeRequest(record, new RecommendationAction(record.Id, "alice", "after the load test"));

        Assert.Equal(("alice", "after the load test", false, 2.0, 4.0), (request.Actor, request.Reason, request.DryRun, request.Vcpu, request.MemoryGiB));
    }

    [Fact]
    public void A_schedule_becomes_its_scheduled_policy()
    {
        var record = Schedule("web", 1);

        var policy = RecommendationApplier.SchedulePolicy(record);

        Assert.Equal(new PolicyDefinition("optimizer-schedule", record.ProposalJson), policy);
    }
}
