using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Policies;
using Autoscaler.Scaling.Safety;

namespace Autoscaler.Scaling.Tests;

/// <summary>
/// Safety extensions: disabled targets (Kubernetes: spec.replicas 0 with minReplicas > 0), manual override, KEDA-style
/// fallback and scale to/from zero, AWS suspended state, targets outside their bounds, bounds overrides.
/// </summary>
public sealed class SafetyTests
{
    private static ScalingDecision Evaluate(
        int current, int min, int max, Func<PolicySet, PolicySet> configure, ScalingHistory? history = null, Dictionary<string, MetricReading>? metrics = null,
        params ScalingPolicy[] policies)
    {
        var request = Build.Request(current, min, max, metrics ?? Build.Metrics(), history ?? ScalingHistory.Empty, policies);
        return ScalingEngine.Evaluate(request with { PolicySet = configure(request.PolicySet with { Behavior = Build.NoStabilization }) });
    }

    [Fact]
    public void Current_zero_with_min_above_zero_is_disabled()
    {
        var decision = Evaluate(0, 1, 10, set => set, policies: new FixedPolicy("p", 5));

        Assert.Equal((0, LimitReason.Disabled), (decision.Desired, decision.LimitedBy!.Value));
    }

    [Fact]
    public void Manual_override_wins_until_it_expires()
    {
        var active = new ManualOverride(7, "incident 42", Build.Now.AddMinutes(5));
        var expired = active with { ExpiresAt = Build.Now };

        var during = Evaluate(3, 1, 10, set => set with { Override = active }, policies: new FixedPolicy("p", 2));
        var after = Evaluate(3, 1, 10, set => set with { Override = expired }, policies: new FixedPolicy("p", 2));

        Assert.Equal((7, LimitReason.ManualOverride), (during.Desired, during.LimitedBy!.Value));
        Assert.Contains("incident 42", during.Explanation[^1], StringComparison.Ordinal);
        Assert.Equal(2, after.Desired);
    }

    [Fact]
    public void Manual_override_is_clamped_to_the_bounds()
    {
        Assert.Equal(10, Evaluate(3, 1, 10, set => set with { Override = new ManualOverride(50, null, null) }).Desired);
    }

    [Fact]
    public void Fallback_replaces_missing_data_after_the_threshold()
    {
        var policies = new ScalingPolicy[] { new FixedPolicy("cpu", null) };
        FallbackRule fallback = new(3, 6);
        var second = Evaluate(4, 1, 10, set => set with { Fallback = fallback }, ScalingHistory.Empty with { EvaluationsWithoutData = 1 }, policies: policies);
        var third = Evaluate(4, 1, 10, set => set with { Fallback = fallback }, ScalingHistory.Empty with { EvaluationsWithoutData = 2 }, policies: policies);
        var recovered = Evaluate(4, 1, 10, set => set with { Fallback = fallback }, ScalingHistory.Empty with { EvaluationsWithoutData = 5 },
            policies: new FixedPolicy("cpu", 4));

        Assert.Equal((4, 2), (second.Desired, second.EvaluationsWithoutData));
        Assert.Equal((6, 3, "fallback"), (third.Desired, third.EvaluationsWithoutData, third.Proposals[^1].Policy));
        Assert.Equal((4, 0), (recovered.Desired, recovered.EvaluationsWithoutData));
    }

    [Fact]
    public void Fallback_may_scale_in_for_policies_without_data()
    {
        var decision = Evaluate(9, 1, 10, set => set with { Fallback = new FallbackRule(1, 3) }, policies: new FixedPolicy("cpu", null));

        Assert.Equal(3, decision.Desired);
    }

    private static readonly ScaleToZero Zero = new(new Dictionary<string, double> { ["queue"] = 0 }, 300);

    [Fact]
    public void At_zero_an_inactive_target_stays_at_zero()
    {
        var decision = Evaluate(0, 0, 10, set => set with { ScaleToZero = Zero }, metrics: Build.Metrics(("queue", MetricReading.Aggregate(0))),
            policies: new FixedPolicy("p", 3));

        Assert.Equal(0, decision.Desired);
    }

    [Fact]
    public void Activation_scales_from_zero_to_at_least_one()
    {
        var metrics = Build.Metrics(("queue", MetricReading.Aggregate(5)));

        Assert.Equal(1, Evaluate(0, 0, 10, set => set with { ScaleToZero = Zero }, metrics: metrics, policies: new FixedPolicy("p", 0)).Desired);
        Assert.Equal(4, Evaluate(0, 0, 10, set => set with { ScaleToZero = Zero }, metrics: metrics, policies: new FixedPolicy("p", 4)).Desired);
    }

    [Fact]
    public void Inactive_past_the_cooldown_scales_to_zero_and_not_before()
    {
        var metrics = Build.Metrics(("queue", MetricReading.Aggregate(0)));
        var policy = new FixedPolicy("p", 1);

        var late = Evaluate(3, 0, 10, set => set with { ScaleToZero = Zero }, ScalingHistory.Empty with { LastActiveAt = Build.Ago(300) }, metrics, policy);
        var early = Evaluate(3, 0, 10, set => set with { ScaleToZero = Zero }, ScalingHistory.Empty with { LastActiveAt = Build.Ago(100) }, metrics, policy);

        Assert.Equal(0, late.Desired);
        Assert.Equal((1, Build.Ago(100)), (early.Desired, early.LastActiveAt!.Value));
    }

    [Fact]
    public void Unknown_activation_never_scales_to_zero()
    {
        var decision = Evaluate(3, 0, 10, set => set with { ScaleToZero = Zero }, ScalingHistory.Empty with { LastActiveAt = Build.Ago(3000) },
            policies: new FixedPolicy("p", 2));

        Assert.Equal(2, decision.Desired);
    }

    [Fact]
    public void Suspended_dynamic_scale_out_holds()
    {
        var decision = Evaluate(3, 1, 10, set => set with { Suspend = new SuspendedState(false, true, false) }, policies: new FixedPolicy("p", 6));

        Assert.Equal((3, LimitReason.Suspended), (decision.Desired, decision.LimitedBy!.Value));
    }

    [Fact]
    public void Suspended_dynamic_scale_in_holds_but_scheduled_votes_pass()
    {
        var suspend = new SuspendedState(true, false, false);

        var dynamic = Evaluate(6, 1, 10, set => set with { Suspend = suspend }, policies: new FixedPolicy("p", 2));
        var scheduled = Evaluate(6, 1, 10, set => set with { Suspend = suspend }, policies: new FixedPolicy("s", 2) { Scheduled = true });

        Assert.Equal(6, dynamic.Desired);
        Assert.Equal(2, scheduled.Desired);
    }

    [Fact]
    public void Suspended_scheduled_scaling_ignores_scheduled_bounds()
    {
        var scheduled = new FixedPolicy("night", null) { Status = ProposalStatus.Inactive, Scheduled = true, Bounds = new CapacityBounds(5, null) };

        var applied = Evaluate(3, 1, 10, set => set, policies: scheduled);
        var suspended = Evaluate(3, 1, 10, set => set with { Suspend = new SuspendedState(false, false, true) }, policies: scheduled);

        Assert.Equal((5, 5, LimitReason.TooFewReplicas), (applied.Desired, applied.Min, applied.LimitedBy!.Value));
        Assert.Equal(3, suspended.Desired);
    }

    [Theory]
    [InlineData(12, 10, LimitReason.TooManyReplicas)]
    [InlineData(1, 2, LimitReason.TooFewReplicas)]
    public void A_target_outside_its_bounds_moves_to_the_nearest_bound(int current, int expected, LimitReason reason)
    {
        // Kubernetes reconcile: current above max -> max, below min -> min, before any metric math.
        var decision = Evaluate(current, 2, 10, set => set, policies: new FixedPolicy("p", current));

        Assert.Equal((expected, reason), (decision.Desired, decision.LimitedBy!.Value));
    }

    [Fact]
    public void Bounds_override_raises_max()
    {
        var predictive = new FixedPolicy("forecast", 14) { Bounds = new CapacityBounds(null, 15) };

        var decision = Evaluate(8, 1, 10, set => set, policies: predictive);

        Assert.Equal((14, 15), (decision.Desired, decision.Max));
    }
}
