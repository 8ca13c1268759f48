using System.Text.Json;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Services;
using Autoscaler.Ports.Decisions;

namespace Autoscaler.Grains.Tests.Services;

/// <summary>
/// Kept decision records read back from storage (every string a copy of its own) share equal strings and a decision's
/// explanation again, without any value changing.
/// </summary>
public sealed class DecisionRecordSharingTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A fresh instance of the same text, as a deserializer makes.</summary>
    private static string Copy(string text) => new(text.AsSpan());

    private static DecisionRecord Record(string id, string kind, IReadOnlyList<string> explanation, string actor = "policy:cpu") =>
        new(Copy(id), Copy("svc-a"), At, DecisionKinds.Parse(kind), 2, 4, Copy(actor), false, Copy("MaxCapacity"), explanation.Select(Copy).ToArray(), Copy("fast-path"));

    private static LiveTarget Reloaded(string target = "svc-a")
    {
        string[] first = ["cpu: average 95 per instance vs target 50 (ratio 1.90) -> 4", "combined: scale out to 4"];
        string[] second = ["cpu: average 80 per instance vs target 50 (ratio 1.60) -> 8", "combined: scale out to 8"];
        var failure = "actuator simulated: Throttled after 1 attempt(s): throttled";
        return new LiveTarget(target)
        {
            RecentDecisions =
            [
                Record("svc-a-2", "rolled-back", [failure, "kept the last good capacity 4"]),
                Record("svc-a-2", "failed", [.. second, failure]),
                Record("svc-a-2", "decision", second),
                Record("svc-a-1", "actuated", first),
                Record("svc-a-1", "decision", first),
                Record("svc-a-0", "decision", first, actor: "manual:ops"),
            ],
            Pending = Record("svc-a-2", "decision", second),
        };
    }

    [Fact]
    public void Sharing_changes_no_value()
    {
        var state = Reloaded();
        var before = JsonSerializer.Serialize(new { state.RecentDecisions, state.Pending });

        DecisionRecordSharing.Share(state);

        Assert.Equal(before, JsonSerializer.Serialize(new { state.RecentDecisions, state.Pending }));
    }

    [Fact]
    public void Equal_strings_become_one_instance_and_the_target_is_the_grain_s_own()
    {
        var target = Copy("svc-a");
        var state = Reloaded(target);

        DecisionRecordSharing.Share(state);

        var records = state.RecentDecisions;
        Assert.All(records, r => Assert.Same(target, r.Target));
        Assert.All(records, r => Assert.Same(records[0].Trigger, r.Trigger));
        Assert.All(records, r => Assert.Same(records[0].LimitedBy, r.LimitedBy));
        Assert.Same(records[0].Id, records[2].Id);
        Assert.Same(records[0].Actor, records[4].Actor);
        Assert.Equal("manual:ops", records[5].Actor);
    }

    [Fact]
    public void A_decision_and_its_outcomes_share_its_explanation_and_other_decisions_keep_their_own()
    {
        var state = Reloaded();

        DecisionRecordSharing.Share(state);

        var records = state.RecentDecisions;
        Assert.Same(records[3].Explanation, records[4].Explanation);
        Assert.Same(records[2].Explanation[0], records[1].Explanation[0]);
        Assert.Same(records[1].Explanation[2], records[0].Explanation[0]);

        // Same text, another decision: not merged (what the grain shares while it runs is what it shares after a reload).
        Assert.NotSame(records[4].Explanation, records[5].Explanation);
        Assert.NotSame(records[4].Explanation[0], records[5].Explanation[0]);
    }

    [Fact]
    public void The_pending_decision_is_the_kept_record_when_they_are_equal()
    {
        var state = Reloaded();

        DecisionRecordSharing.Share(state);

        Assert.Same(state.RecentDecisions[2], state.Pending);
    }

    [Fact]
    public void A_pending_decision_not_among_the_kept_ones_is_shared_on_its_own()
    {
        var state = Reloaded();
        state.Pending = Record("svc-a-3", "decision", ["cpu: -> 10"]);

        DecisionRecordSharing.Share(state);

        Assert.Equal("svc-a-3", state.Pending!.Id);
        Assert.DoesNotContain(state.RecentDecisions, r => ReferenceEquals(r, state.Pending));
        Assert.Same(state.RecentDecisions[0].Target, state.Pending.Target);
    }

    [Fact]
    public void A_new_record_takes_the_newest_record_s_actor_and_limit_when_equal()
    {
        var kept = Reloaded().RecentDecisions;
        var same = Record("svc-a-3", "decision", ["x"]);
        var other = Record("svc-a-3", "decision", ["x"], actor: "policy:memory");

        var shared = DecisionRecordSharing.ForKeeping(same, kept);
        var unshared = DecisionRecordSharing.ForKeeping(other, kept);

        Assert.Same(kept[0].Actor, shared.Actor);
        Assert.Same(kept[0].LimitedBy, shared.LimitedBy);
        Assert.Equal("policy:memory", unshared.Actor);
        Assert.NotSame(kept[0].Actor, unshared.Actor);
        Assert.Same(same, DecisionRecordSharing.ForKeeping(same, []));
    }

    [Fact]
    public void A_kept_explanation_is_a_plain_array_whatever_list_it_came_as()
    {
        IReadOnlyList<string> collected = ["failure", "kept the last good capacity 4"];
        var record = Record("svc-a-3", "rolled-back", ["x"]) with { Explanation = collected };

        var kept = DecisionRecordSharing.ForKeeping(record, []);

        Assert.IsType<string[]>(kept.Explanation);
        Assert.Equal(collected, kept.Explanation);
    }
}
