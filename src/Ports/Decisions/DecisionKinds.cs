namespace Autoscaler.Ports.Decisions;

/// <summary>
/// The one table of decision kind names, as every border spells them: grain state, the history table's <c>kind</c>
/// column, the API and the event contract (stable: stored rows outlive code renames).
/// </summary>
public static class DecisionKinds
{
    /// <summary>The name of <paramref name="kind"/>: <c>decision</c>, <c>manual</c>, <c>actuated</c>, <c>failed</c>,
    /// <c>rolled-back</c>, <c>no-change</c>, <c>drifted</c>, <c>resized</c> or <c>budget</c>.</summary>
    public static string Name(DecisionKind kind) => kind switch
    {
        DecisionKind.Decision => "decision",
        DecisionKind.Manual => "manual",
        DecisionKind.Actuated => "actuated",
        DecisionKind.Failed => "failed",
        DecisionKind.RolledBack => "rolled-back",
        DecisionKind.NoChange => "no-change",
        DecisionKind.Drifted => "drifted",
        DecisionKind.Resized => "resized",
        DecisionKind.Budget => "budget",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown decision kind"),
    };

    /// <summary>The kind named <paramref name="name"/>; false for a name this table does not hold.</summary>
    public static bool TryParse(string? name, out DecisionKind kind)
    {
        foreach (var candidate in Enum.GetValues<DecisionKind>())
        {
            if (string.Equals(Name(candidate), name, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>The kind named <paramref name="name"/>; throws <see cref="InvalidDataException"/> for an unknown name.</summary>
    public static DecisionKind Parse(string name) =>
        TryParse(name, out var kind) ? kind : throw new InvalidDataException($"unknown decision kind '{name}'");

    /// <summary>The kind a scaling event carries: the event contract knows <c>decision | actuated | failed | rolled-back | drifted | resized | budget</c>,
    /// so an operator's decision is published as a <c>decision</c> (its actor says <c>manual:WHO</c>).</summary>
    public static string EventName(DecisionKind kind) => kind == DecisionKind.Manual ? Name(DecisionKind.Decision) : Name(kind);
}
