using Autoscaler.Scaling.Metrics;
using Autoscaler.Scaling.Model;

namespace Autoscaler.Scaling.Policies;

/// <summary>Everything a policy may read in one evaluation. Time is <see cref="Now"/>: policies never read a clock.</summary>
public sealed class PolicyContext
{
    /// <summary>Creates the context of one evaluation.</summary>
    public PolicyContext(
        DateTimeOffset now,
        ScaleTarget target,
        IReadOnlyDictionary<string, MetricReading> metrics,
        ScalingHistory history,
        IMetricQuery query) =>
        Reset(now, target, metrics, history, query);

    /// <summary>The evaluation's time.</summary>
    public DateTimeOffset Now { get; private set; }

    /// <summary>Current capacity and bounds (before any policy's bounds override).</summary>
    public ScaleTarget Target { get; private set; }

    /// <summary>The latest readings, by metric name.</summary>
    public IReadOnlyDictionary<string, MetricReading> Metrics { get; private set; }

    /// <summary>Recent recommendations and scale events (per-policy cooldowns read the events).</summary>
    public ScalingHistory History { get; private set; }

    /// <summary>Window aggregations and series of the metrics.</summary>
    public IMetricQuery Query { get; private set; }

    /// <summary>Points this context at another evaluation (the evaluator reuses one context per target).</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(Target), nameof(Metrics), nameof(History), nameof(Query))]
    internal void Reset(
        DateTimeOffset now, ScaleTarget target, IReadOnlyDictionary<string, MetricReading> metrics, ScalingHistory history, IMetricQuery query)
    {
        Now = now;
        Target = target;
        Metrics = metrics;
        History = history;
        Query = query;
    }

    /// <summary>The reading of <paramref name="metric"/>, if the input has one.</summary>
    public bool TryGetReading(string metric, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MetricReading? reading) =>
        Metrics.TryGetValue(metric, out reading);

    /// <summary>
    /// Net capacity <paramref name="policy"/> changed, split by direction, in events within (Now - seconds, Now]; and when
    /// its last event in that range was.
    /// </summary>
    public PolicyActivity ActivityOf(string policy, int seconds)
    {
        var cutoff = Now.AddSeconds(-seconds);
        var added = 0;
        var removed = 0;
        DateTimeOffset? lastOut = null;
        DateTimeOffset? lastIn = null;
        var events = History.ScaleEvents;
        for (var i = 0; i < events.Count; i++)
        {
            var scaleEvent = events[i];
            if (scaleEvent.At <= cutoff || scaleEvent.At > Now || !string.Equals(scaleEvent.Policy, policy, StringComparison.Ordinal))
            {
                continue;
            }

            if (scaleEvent.Change > 0)
            {
                added += scaleEvent.Change;
                lastOut = Later(lastOut, scaleEvent.At);
            }
            else if (scaleEvent.Change < 0)
            {
                removed -= scaleEvent.Change;
                lastIn = Later(lastIn, scaleEvent.At);
            }
        }

        return new PolicyActivity(added, removed, lastOut, lastIn);
    }

    private static DateTimeOffset Later(DateTimeOffset? known, DateTimeOffset candidate) =>
        known is { } earlier && earlier > candidate ? earlier : candidate;
}
