namespace Autoscaler.Adapters.Sources.Polling;

/// <summary>What one poll did.</summary>
public enum PollOutcome
{
    /// <summary>Fresh values were delivered.</summary>
    Delivered,

    /// <summary>The source had no value; nothing was delivered and the held values were dropped.</summary>
    Empty,

    /// <summary>The read failed; the last good values were delivered again, re-stamped.</summary>
    HeldLastValue,

    /// <summary>The read failed and there is nothing (left) to hold: no-data handling applies downstream.</summary>
    Stale,

    /// <summary>Values were read but the sink refused them, the target's queue was full, or the target is unknown.</summary>
    DeliveryFailed,
}
