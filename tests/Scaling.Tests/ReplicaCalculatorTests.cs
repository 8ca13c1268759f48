using Autoscaler.Scaling.Explanations;
using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Policies;

namespace Autoscaler.Scaling.Tests;

/// <summary>
/// Kubernetes replica math, one row per case of kubernetes/kubernetes pkg/controller/podautoscaler/replica_calculator_test.go
/// (named after the Go test). Levels are per-pod samples in millicores with a request of 1000m unless stated.
/// </summary>
public sealed class ReplicaCalculatorTests
{
    public static TheoryData<string, int, double?[], bool[]?, double, int, double> Utilization => new()
    {
        // name, current, levels (null = missing), readiness, target %, expected replicas, expected utilization %
        { "TestReplicaCalcScaleUp", 3, [300, 500, 700], null, 30, 5, 50 },
        { "TestReplicaCalcScaleUpUnreadyLessScale", 3, [300, 500, 700], [false, true, true], 30, 4, 60 },
        { "TestReplicaCalcScaleUpUnreadyNoScale", 3, [400, 500, 700], [true, false, false], 30, 3, 40 },
        { "TestReplicaCalcScaleDown", 5, [100, 300, 500, 250, 250], null, 50, 3, 28 },
        { "TestReplicaCalcScaleDownIncludeUnreadyPods", 5, [100, 300, 500, 250, 250], [true, true, true, false, false], 50, 2, 30 },
        { "TestReplicaCalcMissingMetrics", 4, [400, 95, null, null], null, 100, 3, 24 },
        { "TestReplicaCalcMissingMetricsNoChangeEq", 2, [1000, null], null, 100, 2, 100 },
        { "TestReplicaCalcMissingMetricsNoChangeGt", 2, [1900, null], null, 100, 2, 190 },
        { "TestReplicaCalcMissingMetricsNoChangeLt", 2, [600, null], null, 100, 2, 60 },
        { "TestReplicaCalcMissingMetricsUnreadyChange", 3, [100, 450, null], [false, true, true], 50, 3, 45 },
        { "TestReplicaCalcMissingMetricsUnreadyScaleUp", 3, [100, 2000, null], [false, true, true], 50, 4, 200 },
        { "TestReplicaCalcMissingMetricsUnreadyScaleDown", 4, [100, 100, 100, null], [false, true, true, true], 50, 3, 10 },
        { "TestReplicaCalcDuringRollingUpdateWithMaxSurge", 2, [100, 100, null], null, 50, 2, 10 },
    };

    [Theory]
    [MemberData(nameof(Utilization))]
    public void Utilization_matches_kubernetes(string name, int current, double?[] levels, bool[]? ready, double target, int expected, double utilization)
    {
        var reading = Build.Pods(levels, Build.Requests(levels.Length), ready);

        var estimate = Estimate(reading, new MetricTarget(TargetType.Utilization, target), Tolerance.Default, current);

        Assert.True(expected == estimate.Replicas, $"{name}: expected {expected}, got {estimate.Replicas} ({estimate.Detail})");
        Assert.Equal(utilization, estimate.MetricValue);
    }

    [Fact]
    public void TestReplicaCalcTolerance_uses_each_pods_request()
    {
        var reading = Build.Pods([1010, 1030, 1020], [900, 1000, 1100]);

        var estimate = Estimate(reading, new MetricTarget(TargetType.Utilization, 100), Tolerance.Default, 3);

        Assert.Equal((3, 102.0), (estimate.Replicas!.Value, estimate.MetricValue!.Value));
    }

    [Fact]
    public void TestReplicaCalcEmptyCPURequest_has_no_data()
    {
        var estimate = Estimate(Build.Pods([200]), new MetricTarget(TargetType.Utilization, 100), Tolerance.Default, 1);

        Assert.Null(estimate.Replicas);
        Assert.Contains("no request", estimate.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void No_ready_instance_with_a_sample_has_no_data()
    {
        var estimate = Estimate(
            Build.Pods([null, 500], Build.Requests(2), [true, false]), new MetricTarget(TargetType.Utilization, 50), Tolerance.Default, 2);

        Assert.Null(estimate.Replicas);
    }

    public static TheoryData<string, int, double[], double, int> AverageValuePods => new()
    {
        // Pods metrics (AverageValue over per-instance samples).
        { "TestReplicaCalcScaleUpCM", 3, [20000, 10000, 30000], 15000, 4 },
        { "TestReplicaCalcScaleDownCM", 5, [12000, 12000, 12000, 12000, 12000], 20000, 3 },
        { "TestReplicaCalcToleranceCM", 3, [20000, 21000, 21000], 20000, 3 },
        { "TestReplicaCalcScaleUpCMExternal (podMetric)", 1, [8600], 4400, 2 },
    };

    [Theory]
    [MemberData(nameof(AverageValuePods))]
    public void Average_value_over_instances_matches_kubernetes(string name, int current, double[] levels, double target, int expected)
    {
        var values = Array.ConvertAll(levels, level => (double?)level);

        var estimate = Estimate(Build.Pods(values), new MetricTarget(TargetType.AverageValue, target), Tolerance.Default, current);

        Assert.True(expected == estimate.Replicas, $"{name}: expected {expected}, got {estimate.Replicas} ({estimate.Detail})");
    }

    public static TheoryData<string, TargetType, int, double, double, int> Aggregates => new()
    {
        // Object and External metrics: one aggregate value.
        { "TestReplicaCalcScaleUpCMObject", TargetType.Value, 3, 20000, 15000, 4 },
        { "TestReplicaCalcScaleDownCMObject", TargetType.Value, 5, 12000, 20000, 3 },
        { "TestReplicaCalcToleranceCMObject", TargetType.Value, 3, 20666, 20000, 3 },
        { "TestReplicaCalcScaleDownCMExternal", TargetType.Value, 5, 8600, 14334, 3 },
        { "TestReplicaCalcToleranceCMExternal", TargetType.Value, 3, 8600, 8888, 3 },
        { "TestReplicaCalcScaleUpCMPerPodObject", TargetType.AverageValue, 3, 20000, 5000, 4 },
        { "TestReplicaCalcScaleDownPerPodCMObject", TargetType.AverageValue, 5, 6000, 2000, 3 },
        { "TestReplicaCalcTolerancePerPodCMObject", TargetType.AverageValue, 4, 20166, 5000, 4 },
        { "TestReplicaCalcScaleUpPerPodCMExternal", TargetType.AverageValue, 3, 8600, 2150, 4 },
        { "TestReplicaCalcScaleDownPerPodCMExternal", TargetType.AverageValue, 5, 8600, 2867, 3 },
        { "TestReplicaCalcTolerancePerPodCMExternal", TargetType.AverageValue, 3, 8600, 2900, 3 },
    };

    [Theory]
    [MemberData(nameof(Aggregates))]
    public void Aggregate_value_matches_kubernetes(string name, TargetType type, int current, double value, double target, int expected)
    {
        var estimate = Estimate(MetricReading.Aggregate(value), new MetricTarget(type, target), Tolerance.Default, current);

        Assert.True(expected == estimate.Replicas, $"{name}: expected {expected}, got {estimate.Replicas} ({estimate.Detail})");
    }

    [Theory]
    [InlineData(TargetType.Value, 250, 100, 3)]
    [InlineData(TargetType.AverageValue, 250, 100, 3)]
    [InlineData(TargetType.AverageValue, 0, 100, 0)]
    public void Value_and_average_value_scale_from_zero_without_tolerance(TargetType type, double value, double target, int expected)
    {
        // Kubernetes getUsageRatioReplicaCount with currentReplicas 0: ceil(usageRatio), no tolerance.
        var estimate = Estimate(MetricReading.Aggregate(value), new MetricTarget(type, target), Tolerance.Default, 0);

        Assert.Equal(expected, estimate.Replicas);
    }

    [Fact]
    public void Aggregate_utilization_percent_scales_like_aws_target_tracking()
    {
        // AWS target tracking on an average CPUUtilization: ceil(current * value / target).
        var estimate = Estimate(MetricReading.Aggregate(90), new MetricTarget(TargetType.Utilization, 60), Tolerance.Default, 4);

        Assert.Equal(6, estimate.Replicas);
    }

    [Fact]
    public void Custom_tolerance_widens_the_dead_band()
    {
        var target = new MetricTarget(TargetType.Value, 100);

        Assert.Equal(5, Estimate(MetricReading.Aggregate(115), target, 0.1, 4).Replicas);
        Assert.Equal(4, Estimate(MetricReading.Aggregate(115), target, 0.2, 4).Replicas);
    }

    /// <summary>The calculator's estimate with its explanation rendered (what the assertions print).</summary>
    private static EstimateWithDetail Estimate(MetricReading reading, MetricTarget target, double tolerance, int current)
    {
        var detail = new ExplanationWriter();
        var estimate = ReplicaCalculator.Estimate(reading, target, tolerance, current, detail);
        detail.EndLine();
        return new EstimateWithDetail(estimate.Replicas, estimate.MetricValue, estimate.Ratio, detail.LineText(0));
    }

    private sealed record EstimateWithDetail(int? Replicas, double? MetricValue, double? Ratio, string Detail);
}
