namespace Autoscaler.Grains.Interfaces;

/// <summary>
/// The whole fleet at once (a stateless worker: any silo, key <see cref="Key"/>): declarative apply with prune and dry
/// run, bulk registration, and export. A spec is validated whole before anything changes; the targets are then applied
/// in parallel inside the silo, with the directory and supervisor updated once for the batch. Large fleets take a while:
/// the calls wait up to ten minutes.
/// </summary>
[Alias("autoscaler.IFleetGrain")]
public interface IFleetGrain : IGrainWithStringKey
{
    /// <summary>The key to use.</summary>
    public const string Key = "fleet";

    /// <summary>Creates, updates (and with <see cref="FleetSpec.Prune"/> deletes) targets and sets scope limits, or with
    /// <see cref="FleetSpec.DryRun"/> only says what would change. Unchanged targets are not written.</summary>
    [Alias("Apply"), ResponseTimeout("00:10:00")]
    public Task<FleetResult> ApplyAsync(FleetSpec spec);

    /// <summary>Every registered target with its policies, and the limits of every scope in use: a spec that applies back
    /// to the same fleet.</summary>
    [Alias("Export"), ResponseTimeout("00:10:00")]
    public Task<FleetSpec> ExportAsync();
}
