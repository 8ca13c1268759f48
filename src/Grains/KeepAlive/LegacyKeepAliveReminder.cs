namespace Autoscaler.Grains.KeepAlive;

/// <summary>
/// The per-grain keep-alive reminder targets and alarms registered before the sweep (<see cref="KeepAliveSweep"/>): its
/// next tick, or the grain's removal, unregisters it, so the reminder rows of an upgraded cluster drain within a minute.
/// </summary>
public static class LegacyKeepAliveReminder
{
    /// <summary>The reminder's name.</summary>
    public const string Name = "keep-evaluating";

    /// <summary>Unregisters the grain's reminder called <paramref name="name"/> if it still exists.</summary>
    public static async Task DropAsync(Grain grain, string name = Name)
    {
        if (await grain.GetReminder(name) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }
    }
}
