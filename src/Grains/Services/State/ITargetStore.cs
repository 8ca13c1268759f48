namespace Autoscaler.Grains.Services.State;

/// <summary>Where a target's state goes: the small decision state (on every decision, before actuation) and the
/// large windows (on the maintenance cadence).</summary>
internal interface ITargetStore
{
    /// <summary>Writes the decision state as the target holds it now; throws when storage fails.</summary>
    public Task WriteAsync();

    /// <summary>Writes the metric windows as they are now; throws when storage fails.</summary>
    public Task WriteWindowsAsync();
}
