namespace Autoscaler.Alarms.Actions;

/// <summary>Whether an action runs now, and if not, why not.</summary>
public enum ActionVerdict
{
    /// <summary>Run it.</summary>
    Run,

    /// <summary>The alarm's actions are disabled (<c>actionsEnabled: false</c>).</summary>
    Disabled,

    /// <summary>A composite's actions suppressor holds it.</summary>
    Suppressed,

    /// <summary>A mute window is open.</summary>
    Muted,

    /// <summary>It ran less than its cooldown ago.</summary>
    Cooldown,

    /// <summary>The same notification went out within the de-duplication window.</summary>
    Deduplicated,

    /// <summary>Global dry-run (or the action's own): recorded as "would run".</summary>
    DryRun,
}
