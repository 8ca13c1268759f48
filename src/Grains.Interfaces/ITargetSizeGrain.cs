namespace Autoscaler.Grains.Interfaces;

/// <summary>
/// The instance size of one scalable target (key: the target id): what each replica runs as (vCPU and memory) and the
/// audited changes to it. A change goes through the target's actuator with the same write-ahead, audit and rollback
/// as a scale decision (docs/optimization.md).
/// </summary>
[Alias("autoscaler.ITargetSizeGrain")]
public interface ITargetSizeGrain : IGrainWithStringKey
{
    /// <summary>The current size (from the last applied change, else the configured size, else unknown) and the last change.</summary>
    [Alias("Get")]
    public Task<TargetSizeView> GetAsync();

    /// <summary>Changes the size through the target's actuator (or only validates and explains it on a dry run).</summary>
    [Alias("Change")]
    public Task<SizeChangeResult> ChangeAsync(SizeChangeRequest request);
}
