namespace Autoscaler.Ports.Decisions;

/// <summary>
/// One decision of one target, or one thing that became of it: what the grains keep, the history store stores, the event
/// sinks publish and the grain contracts return. A decision and its outcomes share <see cref="Id"/>; each is stored under
/// its own <see cref="EntryId"/>.
/// </summary>
/// <param name="Id">The decision id (<c>{target}-{n}</c>): applying the same id twice is a no-op.</param>
/// <param name="Target">Target id.</param>
/// <param name="At">When it was decided (an outcome: when it was known).</param>
/// <param name="Kind">What this record is.</param>
/// <param name="From">Capacity before.</param>
/// <param name="To">Capacity decided (or applied, or kept).</param>
/// <param name="Actor"><c>policy:NAME</c>, <c>manual:WHO</c>, <c>fallback</c>, <c>engine</c>.</param>
/// <param name="DryRun">Decided but not applied (dry-run, a disabled target or scope).</param>
/// <param name="LimitedBy">Which limit bound the result (engine or supervisor), if any.</param>
/// <param name="Explanation">Readable lines, most important first.</param>
/// <param name="Trigger"><c>timer</c>, <c>fast-path</c>, <c>manual</c>, <c>api</c>.</param>
/// <param name="DurationMs">Time from decision to outcome.</param>
/// <param name="Outcome">What the history says became of it: <c>pending</c>, <c>succeeded</c>, <c>failed</c>,
/// <c>rolled-back</c>, <c>trimmed</c>, <c>not-actuated</c>; null when not stated.</param>
public sealed record DecisionRecord(
    string Id,
    string Target,
    DateTimeOffset At,
    DecisionKind Kind,
    int From,
    int To,
    string Actor,
    bool DryRun,
    string? LimitedBy,
    IReadOnlyList<string> Explanation,
    string Trigger = "timer",
    double DurationMs = 0,
    string? Outcome = null)
{
    /// <summary>The record's own id among its decision's records: the decision id for a decision, <c>{id}:{kind}</c> for an outcome.</summary>
    public string EntryId => Kind is DecisionKind.Decision or DecisionKind.Manual ? Id : $"{Id}:{DecisionKinds.Name(Kind)}";

    /// <summary>The decision id of a stored <paramref name="entryId"/> of <paramref name="kind"/> (the inverse of <see cref="EntryId"/>).</summary>
    public static string DecisionIdOf(string entryId, DecisionKind kind)
    {
        ArgumentNullException.ThrowIfNull(entryId);
        var suffix = kind is DecisionKind.Decision or DecisionKind.Manual ? null : $":{DecisionKinds.Name(kind)}";
        return suffix is not null && entryId.EndsWith(suffix, StringComparison.Ordinal) ? entryId[..^suffix.Length] : entryId;
    }
}
