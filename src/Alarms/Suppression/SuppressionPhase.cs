namespace Autoscaler.Alarms.Suppression;

/// <summary>Where a composite's pending ALARM actions stand.</summary>
public enum SuppressionPhase
{
    /// <summary>Nothing pending (not in ALARM, or the actions already ran or were dropped).</summary>
    Idle,

    /// <summary>In ALARM, waiting up to the wait period for the suppressor.</summary>
    Waiting,

    /// <summary>The suppressor is in ALARM: actions are held.</summary>
    Suppressed,

    /// <summary>The suppressor left ALARM: actions are held for the extension period.</summary>
    Extending,
}
