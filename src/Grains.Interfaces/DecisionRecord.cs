namespace Autoscaler.Grains.Interfaces;

/// <summary>One decision and what became of it; also the shape published as a scaling event.</summary>
/// <param name="Id">Decision id: applying the same id twice is a no-op.</param>
/// <param name="Target">Target id.</param>
/// <param name="At">When it was decided.</param>
/// <param name="Kind"><c>decision</c>, <c>actuated</c>, <c>failed</c>, <c>rolled-back</c>, <c>manual</c> or <c>no-change</c>.</param>
/// <param name="From">Capacity before.</param>
/// <param name="To">Capacity decided (or applied).</param>
/// <param name="Actor"><c>policy:NAME</c>, <c>schedule:NAME</c>, <c>manual:WHO</c>, <c>supervisor</c>, <c>fallback</c>.</param>
/// <param name="DryRun">Decided but not applied because of dry-run.</param>
/// <param name="LimitedBy">Which limit bound the result (engine or supervisor), if any.</param>
/// <param name="Explanation">Readable lines.</param>
/// <param name="Trigger"><c>timer</c>, <c>fast-path</c>, <c>manual</c>, <c>api</c>, <c>reminder</c>.</param>
/// <param name="DurationMs">Time from decision to actuation outcome.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.DecisionRecord")]
public sealed record DecisionRecord(
    string Id,
    string Target,
    DateTimeOffset At,
    string Kind,
    int From,
    int To,
    string Actor,
    bool DryRun,
    string? LimitedBy,
    IReadOnlyList<string> Explanation,
    string Trigger = "timer",
    double DurationMs = 0);
