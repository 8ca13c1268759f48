namespace Autoscaler.Ports.Events;

/// <summary>A decision or actuation outcome for a target, as published on <c>autoscaler.events.{target}</c> and the SSE stream.</summary>
/// <param name="Id">Unique event id.</param>
/// <param name="Target">The target id.</param>
/// <param name="At">When it happened.</param>
/// <param name="Kind">Decision, actuated, failed or rolled back.</param>
/// <param name="From">Capacity before.</param>
/// <param name="To">Capacity after (or intended).</param>
/// <param name="Actor">Who decided, e.g. <c>policy:cpu</c>, <c>user:alice</c>.</param>
/// <param name="DryRun">True when nothing was (or will be) actuated.</param>
/// <param name="Explanation">Human-readable reasons, most important first.</param>
public sealed record ScalingEvent(
    string Id,
    string Target,
    DateTimeOffset At,
    ScalingEventKind Kind,
    int From,
    int To,
    string Actor,
    bool DryRun,
    IReadOnlyList<string> Explanation);
