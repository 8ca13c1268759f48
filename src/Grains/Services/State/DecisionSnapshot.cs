using Autoscaler.Ports.Decisions;

namespace Autoscaler.Grains.Services.State;

/// <summary>A kept decision record as grain state stores it (recent decisions; the write-ahead record; the history
/// outbox, whose entries carry their <see cref="Outcome"/>).</summary>
[GenerateSerializer, Immutable, Alias("autoscaler.DecisionSnapshot")]
public sealed record DecisionSnapshot(
    string Id,
    string Target,
    DateTimeOffset At,
    string Kind,
    int From,
    int To,
    string Actor,
    bool DryRun,
    string? LimitedBy,
    IReadOnlyList<string>? Explanation,
    string? Trigger,
    double DurationMs,
    string? Outcome = null)
{
    /// <summary>The decision record it stores.</summary>
    public DecisionRecord ToRecord() =>
        new(Id, Target, At, DecisionKinds.Parse(Kind), From, To, Actor, DryRun, LimitedBy, Explanation ?? [], Trigger ?? "timer", DurationMs, Outcome);

    /// <summary>The stored form of <paramref name="record"/>.</summary>
    public static DecisionSnapshot Of(DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.Id, record.Target, record.At, DecisionKinds.Name(record.Kind), record.From, record.To, record.Actor, record.DryRun, record.LimitedBy,
            record.Explanation as string[] ?? record.Explanation.ToArray(), record.Trigger, record.DurationMs, record.Outcome);
    }
}
