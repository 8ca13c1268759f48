using Autoscaler.Grains.Services.State;

namespace Autoscaler.Grains.Sizing.State;

/// <summary>Persisted state of a <see cref="TargetSizeGrain"/>.</summary>
[GenerateSerializer, Alias("autoscaler.TargetSizeState")]
public sealed class TargetSizeState
{
    /// <summary>The size of the last change the platform accepted; null before the first.</summary>
    [Id(0)]
    public SizeSnapshot? Applied { get; set; }

    /// <summary>The write-ahead record: a change asked of the platform whose answer is not recorded yet.</summary>
    [Id(1)]
    public ResizeIntent? Pending { get; set; }

    /// <summary>Changes numbered so far (request ids are <c>{target}-size-{n}</c>).</summary>
    [Id(2)]
    public long Sequence { get; set; }

    /// <summary>Audit rows written to state but not yet stored in the history (oldest first).</summary>
    [Id(3)]
    public List<DecisionSnapshot> Outbox { get; set; } = [];

    /// <summary>The last change tried (any outcome but invalid), for the view.</summary>
    [Id(4)]
    public ResizeIntent? Last { get; set; }

    /// <summary>True while the target's service grain has not yet been told of <see cref="Applied"/> (it prices the
    /// target's instances at that size); set with the applied size in the same write.</summary>
    [Id(5)]
    public bool AppliedUnreported { get; set; }
}
