namespace Autoscaler.Grains.Supervision.Budget;

/// <summary>The supervisor's persisted budget-action memory: the period, the thresholds fired in it, the max capacities
/// to restore and the steps not yet carried out.</summary>
[GenerateSerializer, Alias("autoscaler.BudgetLedger")]
public sealed class BudgetLedger
{
    /// <summary>Start of the budget period (calendar month, UTC) of the last check; null before the first.</summary>
    [Id(0)]
    public DateTimeOffset? PeriodStart { get; set; }

    /// <summary>Keys of the thresholds fired this period (<c>80:Notify</c>).</summary>
    [Id(1)]
    public HashSet<string> Fired { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Each reduced target's max capacity before this period's reductions.</summary>
    [Id(2)]
    public Dictionary<string, int> OriginalMax { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Steps decided but not yet done, oldest first.</summary>
    [Id(3)]
    public List<BudgetStep> Pending { get; set; } = [];

    /// <summary>Steps numbered so far (their ids).</summary>
    [Id(4)]
    public int Sequence { get; set; }

    /// <summary>A copy that later changes to this one do not touch (the group commit writes copies).</summary>
    public BudgetLedger Copy() => new()
    {
        PeriodStart = PeriodStart,
        Fired = new HashSet<string>(Fired, StringComparer.Ordinal),
        OriginalMax = new Dictionary<string, int>(OriginalMax, StringComparer.Ordinal),
        Pending = [.. Pending],
        Sequence = Sequence,
    };
}
