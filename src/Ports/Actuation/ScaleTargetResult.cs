namespace Autoscaler.Ports.Actuation;

/// <summary>
/// Outcome of reading or setting a target's capacity: on success the capacity observed afterwards, on failure an error
/// kind and a message. <see cref="Attempts"/> counts calls made to the target system, retries included. A success with
/// a <see cref="HostLimit"/> applied only part of a scale-out: the rest did not fit on the target's host.
/// </summary>
public sealed record ScaleTargetResult(
    bool Succeeded,
    ObservedCapacity? Capacity,
    ScaleTargetErrorKind? ErrorKind,
    string? Message,
    int Attempts = 1,
    HostCapacityLimit? HostLimit = null)
{
    /// <summary>True when the failure may pass on its own (throttling, transient).</summary>
    public bool IsRetryable => ErrorKind is ScaleTargetErrorKind.Throttled or ScaleTargetErrorKind.Transient;

    /// <summary>A success with the capacity observed.</summary>
    public static ScaleTargetResult Success(ObservedCapacity capacity, int attempts = 1) => new(true, capacity, null, null, attempts);

    /// <summary>A failure of the given kind.</summary>
    public static ScaleTargetResult Failure(ScaleTargetErrorKind kind, string message, int attempts = 1) =>
        new(false, null, kind, message, attempts);
}
