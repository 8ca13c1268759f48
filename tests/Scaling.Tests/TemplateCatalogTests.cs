using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Policies;
using Autoscaler.Scaling.Templates;

namespace Autoscaler.Scaling.Tests;

/// <summary>Pins the preset catalog: seed 004's general and workload presets, seed 000's MisterSmith services and Aurora.</summary>
public sealed class TemplateCatalogTests
{
    public static TheoryData<string> Names() => [.. TemplateCatalog.All.Select(t => t.Name)];

    [Fact]
    public void Catalog_holds_every_seed_preset()
    {
        Assert.Equal(
            [
                "conservative", "balanced", "aggressive", "cost-optimized", "performance",
                "web-app-balanced", "web-app-aggressive", "api-performance", "batch-cost-optimized", "ml-gpu", "dev-minimal",
                "mistersmith-supervisor", "mistersmith-worker", "mistersmith-gateway",
                "aurora-serverless", "aurora-readers",
            ],
            TemplateCatalog.All.Select(t => t.Name));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_template_expands_to_a_valid_policy_file_that_evaluates(string name)
    {
        var file = TemplateCatalog.Expand(name);

        Assert.NotEmpty(file.PolicySet.Policies);
        Assert.NotNull(file.Target);
        var target = file.Target!;
        var decision = ScalingEngine.Evaluate(new EvaluationRequest(
            new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero), target, new Dictionary<string, MetricReading>(), file.PolicySet));
        Assert.InRange(decision.Desired, target.Min, target.Max);
    }

    [Theory]
    [InlineData("balanced", 0.7, 0.3)]
    [InlineData("conservative", 0.8, 0.2)]
    [InlineData("performance", 0.5, 0.2)]
    public void General_presets_are_weighted_scores(string name, double up, double down)
    {
        var policy = Assert.IsType<WeightedScorePolicy>(Assert.Single(TemplateCatalog.Expand(name).PolicySet.Policies));

        Assert.Equal(up, policy.ScaleUpThreshold);
        Assert.Equal(down, policy.ScaleDownThreshold);
        Assert.Equal(["cpu", "memory", "responseTime", "errorRate", "requests"], policy.Metrics);
    }

    [Theory]
    [InlineData("web-app-balanced", 70, 30)]
    [InlineData("web-app-aggressive", 60, 40)]
    [InlineData("api-performance", 60, 40)]
    [InlineData("batch-cost-optimized", 80, 20)]
    [InlineData("ml-gpu", 75, 25)]
    [InlineData("dev-minimal", 90, 10)]
    public void Workload_presets_carry_the_seed_levels(string name, double up, double down)
    {
        var policy = Assert.IsType<ThresholdPolicy>(Assert.Single(TemplateCatalog.Expand(name).PolicySet.Policies));

        Assert.Equal(up, policy.Rules[0].ScaleUp);
        Assert.Equal(down, policy.Rules[0].ScaleDown);
    }

    [Fact]
    public void Mistersmith_worker_combines_tracking_predictive_and_schedule()
    {
        var file = TemplateCatalog.Expand("mistersmith-worker");

        Assert.Equal(
            ["targetTracking", "targetTracking", "targetTracking", "predictive", "scheduled"],
            file.PolicySet.Policies.Select(p => p.Type));
        Assert.Equal(new ScaleTarget(5, 2, 100), file.Target);
        var schedule = Assert.IsType<ScheduledPolicy>(file.PolicySet.Policies[4]);
        Assert.Equal(20, schedule.Actions[0].DesiredCapacity);
    }

    [Fact]
    public void Metric_names_can_be_overridden_per_role()
    {
        var file = TemplateCatalog.Expand(
            "mistersmith-gateway", new Dictionary<string, string> { ["connections"] = "nats.\"conns\"", ["requestsPerTarget"] = "RequestCountPerTarget" });

        Assert.Equal(["nats.\"conns\""], file.PolicySet.Policies[0].Metrics);
        Assert.Equal(["RequestCountPerTarget"], file.PolicySet.Policies[1].Metrics);
    }

    [Fact]
    public void Unknown_role_and_unknown_template_are_named()
    {
        var role = Assert.Throws<ArgumentException>(() => TemplateCatalog.Render("dev-minimal", new Dictionary<string, string> { ["gpu"] = "x" }));
        var template = Assert.Throws<KeyNotFoundException>(() => TemplateCatalog.Get("turbo"));

        Assert.StartsWith("metric role \"gpu\" is not used by template \"dev-minimal\" (roles: cpu)", role.Message, StringComparison.Ordinal);
        Assert.StartsWith("unknown template \"turbo\" (known: aggressive, api-performance,", template.Message, StringComparison.Ordinal);
    }

    // Defect: a preset read every one of its metrics, so a target reporting only CPU never scaled in (the others had no
    // data). Expanded for the metrics named, the rest are left out.
    [Fact]
    public void A_preset_is_expanded_for_the_metrics_named_only()
    {
        var balanced = TemplateCatalog.Expand("balanced", new Dictionary<string, string> { ["cpu"] = "cpu_usage" });
        var worker = TemplateCatalog.Expand("mistersmith-worker", new Dictionary<string, string> { ["pendingTasks"] = "pending" });
        var api = TemplateCatalog.Expand("api-performance", new Dictionary<string, string> { ["latency"] = "p95_ms" });

        Assert.Equal(["cpu_usage"], Assert.IsType<WeightedScorePolicy>(Assert.Single(balanced.PolicySet.Policies)).Metrics);
        Assert.Equal(["pending-tasks", "predictive", "schedule"], worker.PolicySet.Policies.Select(p => p.Name));
        Assert.Equal(["p95_ms"], Assert.IsType<ThresholdPolicy>(Assert.Single(api.PolicySet.Policies)).Metrics);
    }

    [Fact]
    public void A_preset_scales_in_on_the_one_metric_a_target_reports()
    {
        var file = TemplateCatalog.Expand("balanced", new Dictionary<string, string> { ["cpu"] = "cpu" });
        var target = new ScaleTarget(5, 1, 10);
        var metrics = new Dictionary<string, MetricReading> { ["cpu"] = MetricReading.Aggregate(5) };

        var decision = ScalingEngine.Evaluate(new EvaluationRequest(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero), target, metrics, file.PolicySet)
        {
            History = ScalingHistory.Empty,
        });

        Assert.Equal(4, decision.Desired);
    }

    [Theory]
    [InlineData(85, 50, 0.05, 12)] // CPU above 70 for the whole 5 minutes: +4 units (2 ACU)
    [InlineData(50, 90, 0.05, 12)] // connections above 80 % for 3 minutes
    [InlineData(50, 50, 0.3, 12)] // read latency above 0.2 s for 5 minutes
    [InlineData(50, 50, 0.05, 8)] // between the levels: stay
    public void Aurora_serverless_scales_the_floor_on_the_seeds_triggers(double cpu, double connections, double latency, int desired)
    {
        var decision = EvaluateAurora("aurora-serverless", 8, new() { ["CPUUtilization"] = cpu, ["DatabaseConnectionsPercent"] = connections, ["ReadLatency"] = latency });

        Assert.Equal(desired, decision.Desired);
    }

    [Fact]
    public void Aurora_serverless_lowers_the_floor_only_when_CPU_and_connections_are_both_low()
    {
        var low = EvaluateAurora("aurora-serverless", 8, new() { ["CPUUtilization"] = 20, ["DatabaseConnectionsPercent"] = 20, ["ReadLatency"] = 0.01 });
        var busyConnections = EvaluateAurora("aurora-serverless", 8, new() { ["CPUUtilization"] = 20, ["DatabaseConnectionsPercent"] = 60, ["ReadLatency"] = 0.01 });

        Assert.InRange(low.Desired, 4, 7);
        Assert.Equal(8, busyConnections.Desired);
    }

    [Fact]
    public void Aurora_serverless_reads_durations_as_windows_of_min_for_up_and_max_for_down()
    {
        var policies = TemplateCatalog.Expand("aurora-serverless").PolicySet.Policies.Cast<ThresholdPolicy>().ToList();

        Assert.Equal(new ScaleTarget(4, 4, 64), TemplateCatalog.Expand("aurora-serverless").Target);
        Assert.Equal(
            [("CPUUtilization", "Min", 300, 70.0), ("DatabaseConnectionsPercent", "Min", 180, 80.0), ("ReadLatency", "Min", 300, 0.2)],
            policies[0].Rules.Select(r => (r.Metric, r.Aggregation.ToString(), r.WindowSeconds, r.ScaleUp)));
        Assert.Equal(
            [("CPUUtilization", "Max", 900, 30.0), ("DatabaseConnectionsPercent", "Max", 600, 40.0)],
            policies[1].Rules.Select(r => (r.Metric, r.Aggregation.ToString(), r.WindowSeconds, r.ScaleDown)));
    }

    [Theory]
    [InlineData(1500, 3)]
    [InlineData(500, 2)]
    [InlineData(50, 1)]
    public void Aurora_readers_follow_replica_lag_one_second_up_100_ms_down(double lagMs, int desired)
    {
        Assert.Equal(desired, EvaluateAurora("aurora-readers", 2, new() { ["AuroraReplicaLag"] = lagMs }).Desired);
    }

    private static ScalingDecision EvaluateAurora(string template, int current, Dictionary<string, double> metrics)
    {
        var file = TemplateCatalog.Expand(template);
        var target = file.Target! with { Current = current };
        return ScalingEngine.Evaluate(new EvaluationRequest(
            new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero),
            target,
            metrics.ToDictionary(m => m.Key, m => MetricReading.Aggregate(m.Value)),
            file.PolicySet)
        {
            History = ScalingHistory.Empty,
        });
    }
}
