namespace Autoscaler.Grains.Services.State;

/// <summary>Where a target's state goes: the small decision state (on every decision, before actuation) and the
/// large windows (on the maintenance cadence).</summary>
internal interface ITargetStore
{
    /// <summary>Writes the decision state as the target holds it now; throws when storage fails.</summary>
    public Task WriteAsync();

    /// <summary>Writes the metric windows as they are now; throws when storage fails.</summary>
    public Task WriteWindowsAsync();

    /// <summary>Before a migration: writes both and keeps their stored forms in the grain's persistent states, so the copy
    /// Orleans carries to the new silo is the whole target (between writes those forms are dropped); throws when storage
    /// fails, which cancels the migration (the target is then read back from storage, as after a failover).</summary>
    public Task WriteForMigrationAsync();
}
