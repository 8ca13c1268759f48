namespace Autoscaler.Ports.History;

/// <summary>One decision or scale event of one scale target.</summary>
/// <param name="Id">Unique id (the decision id): appending the same id twice stores it once.</param>
/// <param name="Target">The scale target's id.</param>
/// <param name="At">When it happened.</param>
/// <param name="Kind">What it records.</param>
/// <param name="FromCapacity">Capacity before.</param>
/// <param name="ToCapacity">Capacity after (or decided).</param>
/// <param name="Trigger">What caused it, e.g. the metric that crossed its target.</param>
/// <param name="Actor">Who: <c>policy:NAME</c>, <c>schedule</c>, <c>manual</c>, <c>supervisor</c>.</param>
/// <param name="Explanation">Human-readable reasoning, one line per step.</param>
/// <param name="Outcome">Result text (e.g. "applied", an error), if any.</param>
/// <param name="DurationMs">How long the action took, if measured.</param>
/// <param name="DryRun">True when nothing was changed on purpose.</param>
public sealed record ScalingHistoryEntry(
    string Id,
    string Target,
    DateTimeOffset At,
    ScalingHistoryKind Kind,
    int FromCapacity,
    int ToCapacity,
    string Trigger,
    string Actor,
    IReadOnlyList<string> Explanation,
    string? Outcome,
    long? DurationMs,
    bool DryRun);
