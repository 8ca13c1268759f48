using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Policies;
using static Autoscaler.Scaling.Tests.PartsPolicyFixture;

namespace Autoscaler.Scaling.Tests;

/// <summary>
/// Pins AWS Application Auto Scaling scheduled-action semantics (the latest action that fired sets min/max; nothing
/// reverts at an end time; capacity outside the new range moves to the bound, done by the engine's clamp) with seed
/// 000's worker schedule (business hours 08:00 MON-FRI min 10/max 100/desired 20, off hours 18:00 min 2/max 50/desired 5).
/// </summary>
public sealed class ScheduledPolicyTests
{
    private const string Seed000Worker = """
        { "name": "worker-schedule", "type": "scheduled",
          "actions": [
            { "name": "business-hours-scale-up", "schedule": "0 8 * * MON-FRI", "minCapacity": 10, "maxCapacity": 100, "desiredCapacity": 20 },
            { "name": "off-hours-scale-down", "schedule": "0 18 * * MON-FRI", "minCapacity": 2, "maxCapacity": 50, "desiredCapacity": 5 } ] }
        """;

    private static readonly Dictionary<string, IReadOnlyList<MetricPoint>> NoMetrics = [];

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-01-02T08:02:00Z", 10, 100, 20, ProposalStatus.Vote)]     // Friday just after 08:00: bounds + desired
    [InlineData("2026-01-02T12:00:00Z", 10, 100, null, ProposalStatus.Inactive)] // hours later: bounds only
    [InlineData("2026-01-02T18:00:00Z", 2, 50, 5, ProposalStatus.Vote)]        // the off-hours action fires exactly now
    [InlineData("2026-01-03T12:00:00Z", 2, 50, null, ProposalStatus.Inactive)]  // Saturday: Friday 18:00 still in effect
    [InlineData("2026-01-05T07:59:00Z", 2, 50, null, ProposalStatus.Inactive)]  // Monday before 08:00: no revert
    public void Latest_fired_action_sets_the_bounds(string now, int min, int max, int? desired, ProposalStatus status)
    {
        var proposal = Parse(Seed000Worker).Propose(Context(8, NoMetrics, now: At(now)));

        Assert.Equal(status, proposal.Status);
        Assert.Equal(new CapacityBounds(min, max), proposal.Bounds);
        Assert.Equal(desired, proposal.Desired);
    }

    [Fact]
    public void Desired_is_set_once_then_left_to_dynamic_policies()
    {
        var policy = Parse(Seed000Worker);
        var now = At("2026-01-02T08:03:00Z");

        var applied = policy.Propose(Context(20, NoMetrics, now: now));
        var afterEvent = policy.Propose(Context(14, NoMetrics, [new ScaleEvent(At("2026-01-02T08:01:00Z"), 12, "worker-schedule")], now));
        var oldEvent = policy.Propose(Context(14, NoMetrics, [new ScaleEvent(At("2026-01-02T07:00:00Z"), 12, "worker-schedule")], now));

        Assert.Equal(ProposalStatus.Inactive, applied.Status);
        Assert.Equal(ProposalStatus.Inactive, afterEvent.Status);
        Assert.Equal(20, oldEvent.Desired);
    }

    [Fact]
    public void Before_any_action_fires_the_policy_is_inactive_without_bounds()
    {
        var policy = Parse("""
            { "name": "s", "type": "scheduled", "actions": [
              { "name": "launch", "schedule": "at(2026-02-01T09:00:00)", "timeZone": "Europe/Berlin", "minCapacity": 5 } ] }
            """);

        var before = policy.Propose(Context(2, NoMetrics));
        var after = policy.Propose(Context(2, NoMetrics, now: At("2026-02-01T08:00:00Z")));

        Assert.Equal(ProposalStatus.Inactive, before.Status);
        Assert.Null(before.Bounds);
        Assert.Contains("next: launch at 2026-02-01T08:00:00Z", before.Explanation, StringComparison.Ordinal);
        Assert.Equal(new CapacityBounds(5, null), after.Bounds);
        Assert.True(policy.IsScheduled);
    }

    [Fact]
    public void Actions_firing_together_resolve_to_the_later_one_in_the_document()
    {
        var policy = Parse("""
            { "name": "s", "type": "scheduled", "actions": [
              { "name": "a", "schedule": "rate(1 hour)", "minCapacity": 3 },
              { "name": "b", "schedule": "cron(0 * * * ? *)", "minCapacity": 4 } ] }
            """);

        Assert.Equal(new CapacityBounds(4, null), policy.Propose(Context(2, NoMetrics)).Bounds);
    }

    [Fact]
    public void End_time_limits_occurrences_but_does_not_revert()
    {
        var policy = Parse("""
            { "name": "s", "type": "scheduled", "actions": [
              { "name": "daily", "schedule": "0 8 * * *", "endTime": "2026-01-01T09:00:00Z", "maxCapacity": 4 } ] }
            """);

        var proposal = policy.Propose(Context(6, NoMetrics, now: At("2026-03-01T12:00:00Z")));

        Assert.Equal(new CapacityBounds(null, 4), proposal.Bounds);
        Assert.Contains("fired at 2026-01-01T08:00:00Z", proposal.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "name": "s", "type": "scheduled", "actions": [ { "name": "a", "schedule": "cron(0 8 * * MON *)", "minCapacity": 1 } ] }""", "policies[0].actions[0].schedule: cron: exactly one of day-of-month (field 3) and day-of-week (field 5) must be '?'")]
    [InlineData("""{ "name": "s", "type": "scheduled", "actions": [ { "name": "a", "schedule": "rate(5 minutes)", "timeZone": "Nowhere/Land", "minCapacity": 1 } ] }""", "policies[0].actions[0].timeZone: 'Nowhere/Land' is not a known IANA time zone")]
    [InlineData("""{ "name": "s", "type": "scheduled", "actions": [ { "name": "a", "schedule": "rate(5 minutes)", "startTime": "2026-01-02T00:00:00Z", "endTime": "2026-01-01T00:00:00Z", "minCapacity": 1 } ] }""", "policies[0].actions[0].endTime: must be after startTime")]
    [InlineData("""{ "name": "s", "type": "scheduled", "actions": [ { "name": "a", "schedule": "rate(5 minutes)", "minCapacity": -1 } ] }""", "policies[0].actions[0].minCapacity: must be between 0 and 1000000, not -1")]
    [InlineData("""{ "name": "s", "type": "scheduled", "actions": [ { "schedule": "rate(5 minutes)" } ] }""", "policies[0].actions[0].name: is required")]
    public void Structural_errors_name_the_field(string json, string message)
    {
        Assert.Equal(message, ParseError(json));
    }

    [Fact]
    public void Semantic_errors_name_the_field()
    {
        var errors = ValidationErrors("""
            { "name": "s", "type": "scheduled", "actions": [
              { "name": "a", "schedule": "rate(5 minutes)" },
              { "name": "a", "schedule": "rate(5 minutes)", "minCapacity": 5, "maxCapacity": 2, "desiredCapacity": 9 } ] }
            """);

        Assert.Equal(
            [
                "policies[0].actions[0]: needs at least one of minCapacity, maxCapacity, desiredCapacity",
                "policies[0].actions[1].minCapacity: must not exceed maxCapacity (2)",
                "policies[0].actions[1].desiredCapacity: must lie within minCapacity..maxCapacity",
                "policies[0].actions[1].name: duplicate action name \"a\"",
            ],
            errors);
    }
}
