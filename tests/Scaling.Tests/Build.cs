using Autoscaler.Scaling.Behavior;
using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Policies;

namespace Autoscaler.Scaling.Tests;

/// <summary>Terse builders for engine inputs in tests.</summary>
internal static class Build
{
    public static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset Ago(double seconds) => Now.AddSeconds(-seconds);

    /// <summary>Instances named pod-0.. with the given samples, requests and readiness.</summary>
    public static MetricReading Pods(double?[] values, double[]? requests = null, bool[]? ready = null)
    {
        var instances = new InstanceSample[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            instances[i] = new InstanceSample($"pod-{i}", values[i], requests?[i], ready?[i] ?? true);
        }

        return MetricReading.PerInstance(instances);
    }

    public static double[] Requests(int count, double each = 1000)
    {
        var requests = new double[count];
        Array.Fill(requests, each);
        return requests;
    }

    public static Dictionary<string, MetricReading> Metrics(params (string Name, MetricReading Reading)[] metrics)
    {
        var map = new Dictionary<string, MetricReading>(StringComparer.Ordinal);
        foreach (var (name, reading) in metrics)
        {
            map[name] = reading;
        }

        return map;
    }

    public static TargetTrackingPolicy Tracking(string metric, TargetType type, double value, string? name = null) =>
        new(name ?? metric, metric, new MetricTarget(type, value));

    public static EvaluationRequest Request(
        int current,
        int min,
        int max,
        IReadOnlyDictionary<string, MetricReading> metrics,
        ScalingHistory? history,
        params ScalingPolicy[] policies) =>
        new(Now, new ScaleTarget(current, min, max), metrics, new PolicySet(policies)) { History = history };

    public static PolicyContext Context(int current, IReadOnlyDictionary<string, MetricReading> metrics, ScalingHistory? history = null) =>
        new(Now, new ScaleTarget(current, 0, 1000), metrics, history ?? ScalingHistory.Empty,
            Autoscaler.Scaling.Metrics.SampleMetricQuery.FromReadings(metrics, Now));

    public static ScalingHistory Events(params (double SecondsAgo, int Change, string? Policy)[] events)
    {
        var list = new List<ScaleEvent>();
        foreach (var (ago, change, policy) in events)
        {
            list.Add(new ScaleEvent(Ago(ago), change, policy));
        }

        return new ScalingHistory([], list);
    }

    public static ScalingBehavior NoStabilization { get; } = new(
        ScalingRules.DefaultScaleUp with { StabilizationWindowSeconds = 0 },
        ScalingRules.DefaultScaleDown with { StabilizationWindowSeconds = 0 });
}
