using System.Text.Json;
using Autoscaler.Scaling.Json;
using Autoscaler.Scaling.Metrics;
using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Policies;
using Autoscaler.Scaling.Validation;

namespace Autoscaler.Scaling.Tests;

/// <summary>Builds contexts and parses single policies for the parts' policy-kind tests.</summary>
internal static class PartsPolicyFixture
{
    public static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static PolicyContext Context(
        int current,
        IReadOnlyDictionary<string, IReadOnlyList<MetricPoint>> series,
        IReadOnlyList<ScaleEvent>? events = null,
        DateTimeOffset? now = null,
        int min = 1,
        int max = 100) =>
        new(
            now ?? Now,
            new ScaleTarget(current, min, max),
            new Dictionary<string, MetricReading>(),
            new ScalingHistory([], events ?? []),
            new SampleMetricQuery(series));

    /// <summary>One point per second over the <paramref name="seconds"/> before <see cref="Now"/>, all at <paramref name="value"/>.</summary>
    public static IReadOnlyList<MetricPoint> Flat(double value, int seconds = 300, DateTimeOffset? end = null) =>
        [.. Enumerable.Range(0, seconds).Select(s => new MetricPoint((end ?? Now).AddSeconds(-s), value)).Reverse()];

    public static ScalingPolicy Parse(string json) =>
        JsonFields.ReadObject(JsonDocument.Parse(json).RootElement, "policies[0]", f => PolicyReader.ReadPolicy(f, PolicyParserRegistry.Default));

    public static string ParseError(string json) =>
        Assert.Throws<ScalingInputException>(() => Parse(json)).Errors[0].ToString();

    public static IReadOnlyList<string> ValidationErrors(string json)
    {
        var errors = new List<ValidationError>();
        Parse(json).Validate("policies[0]", errors);
        return [.. errors.Select(e => e.ToString())];
    }
}
