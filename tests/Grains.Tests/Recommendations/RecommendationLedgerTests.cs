using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Recommendations;
using static Autoscaler.Grains.Tests.Recommendations.Proposals;

namespace Autoscaler.Grains.Tests.Recommendations;

/// <summary>The pure state transitions: merge of a recompute, apply and dismiss, history.</summary>
public sealed class RecommendationLedgerTests
{
    private static readonly DateTimeOffset Later = At.AddDays(1);

    [Fact]
    public void An_unchanged_proposal_keeps_its_record_and_its_creation_time()
    {
        var first = RecommendationLedger.Merge([], [RightSize("web", 0.5, 1)], At, 100);
        var second = RecommendationLedger.Merge(first, [RightSize("web", 0.5, 1) with { CreatedAt = Later, MonthlySavings = 99 }], Later, 100);

        var record = Assert.Single(second);
        Assert.Equal(RecommendationStates.Open, record.State);
        Assert.Equal(At, record.CreatedAt);
        Assert.Equal(12.5, record.MonthlySavings);
    }

    [Fact]
    public void A_differing_proposal_supersedes_the_open_one_which_stays_in_history()
    {
        var first = RecommendationLedger.Merge([], [RightSize("web", 0.5, 1), Schedule("web", 1)], At, 100);
        var second = RecommendationLedger.Merge(first, [RightSize("web", 0.5, 2), Schedule("web", 1)], Later, 100);

        var old = second.Single(r => r.Id == RightSize("web", 0.5, 1).Id);
        Assert.Equal(RecommendationStates.Superseded, old.State);
        Assert.Equal(RightSize("web", 0.5, 2).Id, old.SupersededBy);
        Assert.Equal((DateTimeOffset?)Later, old.DecidedAt);
        Assert.Equal(RecommendationLedger.Optimizer, old.DecidedBy);
        Assert.Equal(RecommendationStates.Open, second.Single(r => r.Id == RightSize("web", 0.5, 2).Id).State);
        Assert.Equal(RecommendationStates.Open, second.Single(r => r.Id == Schedule("web", 1).Id).State);
        Assert.Equal(3, second.Count);
    }

    [Fact]
    public void A_proposal_no_longer_made_is_superseded_without_a_successor()
    {
        var first = RecommendationLedger.Merge([], [Commitment("web", 2)], At, 100);
        var second = RecommendationLedger.Merge(first, [], Later, 100);

        var record = Assert.Single(second);
        Assert.Equal(RecommendationStates.Superseded, record.State);
        Assert.Null(record.SupersededBy);
        Assert.Contains("no longer proposed", record.DecisionReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dismissed_proposal_is_not_raised_again_when_recomputed_unchanged()
    {
        var records = RecommendationLedger.Merge([], [Schedule("web", 1)], At, 100);
        var (outcome, dismissed) = RecommendationLedger.Decide(records, Schedule("web", 1).Id, RecommendationStates.Dismissed, "alice", "peak season", At.AddHours(1));
        var recomputed = RecommendationLedger.Merge(records, [Schedule("web", 1)], Later, 100);

        Assert.Equal(RecommendationOutcome.Dismissed, outcome);
        Assert.Equal(("alice", "peak season"), (dismissed!.DecidedBy, dismissed.DecisionReason));
        var record = Assert.Single(recomputed);
        Assert.Equal(RecommendationStates.Dismissed, record.State);
    }

    [Fact]
    public void Only_open_records_can_be_decided_and_unknown_ids_are_not_found()
    {
        var records = RecommendationLedger.Merge([], [Commitment("web", 2)], At, 100);
        var id = Commitment("web", 2).Id;

        var applied = RecommendationLedger.Decide(records, id, RecommendationStates.Applied, "bob", null, Later);
        var again = RecommendationLedger.Decide(records, id, RecommendationStates.Dismissed, "carol", "too late", Later.AddHours(1));
        var unknown = RecommendationLedger.Decide(records, "rec-nope", RecommendationStates.Applied, "bob", null, Later);

        Assert.Equal(RecommendationOutcome.Applied, applied.Outcome);
        Assert.Equal(RecommendationOutcome.NotOpen, again.Outcome);
        Assert.Equal(("bob", RecommendationStates.Applied), (records.Single().DecidedBy, records.Single().State));
        Assert.Equal(RecommendationOutcome.NotFound, unknown.Outcome);
        Assert.Throws<ArgumentException>(() => RecommendationLedger.Decide(records, id, RecommendationStates.Open, "bob", null, Later));
    }

    [Fact]
    public void History_keeps_the_newest_closed_records_and_every_open_one()
    {
        List<RecommendationRecord> records = [];
        for (var day = 0; day < 5; day++)
        {
            records = RecommendationLedger.Merge(records, [RightSize("web", 0.25 * (day + 1), 2)], At.AddDays(day), historyLimit: 2);
        }

        Assert.Single(records, r => r.State == RecommendationStates.Open);
        var closed = records.Where(r => r.State == RecommendationStates.Superseded).Select(r => r.DecidedAt).ToList();
        Assert.Equal([At.AddDays(4), At.AddDays(3)], closed.OrderDescending().Select(d => d!.Value));
    }

    [Fact]
    public void Select_filters_by_target_and_state_newest_first()
    {
        var records = RecommendationLedger.Merge([], [RightSize("web", 0.5, 1), Commitment("api", 1)], At, 100);
        RecommendationLedger.Decide(records, Commitment("api", 1).Id, RecommendationStates.Applied, "bob", null, Later);

        Assert.Equal([RightSize("web", 0.5, 1).Id], RecommendationLedger.Select(records, "web", null).Select(r => r.Id));
        Assert.Equal([Commitment("api", 1).Id], RecommendationLedger.Select(records, null, RecommendationStates.Applied).Select(r => r.Id));
        Assert.Equal(Commitment("api", 1).Id, RecommendationLedger.Select(records, null, null)[0].Id);
    }
}
