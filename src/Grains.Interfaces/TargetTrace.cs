namespace Autoscaler.Grains.Interfaces;

/// <summary>
/// What a target recorded over [From, To): its demand per metric (from its long-horizon hourly history), the capacity that
/// actually ran (applied decisions) and its configuration, to backtest other policies on the target's own traffic.
/// <see cref="TargetTraceJson"/> writes it as a demand-mode <c>simulate</c> input.
/// </summary>
/// <param name="Target">Target id.</param>
/// <param name="From">Start of the exported span.</param>
/// <param name="To">End of the exported span (exclusive).</param>
/// <param name="Definition">The target's definition (bounds, interval, unit cost, behavior).</param>
/// <param name="Policies">The target's policies in their public JSON form.</param>
/// <param name="Metrics">Recorded demand per metric.</param>
/// <param name="Capacity">Capacity over the span: the value at <see cref="From"/>, then each applied change.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.TargetTrace")]
public sealed record TargetTrace(
    string Target,
    DateTimeOffset From,
    DateTimeOffset To,
    TargetDefinition Definition,
    IReadOnlyList<PolicyDefinition> Policies,
    IReadOnlyList<TraceSeries> Metrics,
    IReadOnlyList<TracePoint> Capacity);
