namespace Autoscaler.Ports.Actuation;

/// <summary>
/// Outcome of a <see cref="IResizeTarget.ResizeAsync"/>: on success the platform's name for what now runs
/// (<see cref="Revision"/>: an ECS task-definition ARN, a Kubernetes generation, a webhook's answer); on failure an
/// error kind; <see cref="NotSupported"/> when the actuator cannot resize at all (the message says what to do instead).
/// </summary>
public sealed record ResizeResult(bool Succeeded, string? Revision, ScaleTargetErrorKind? ErrorKind, string Message, int Attempts = 1, bool NotSupported = false)
{
    /// <summary>The platform accepted the new size.</summary>
    public static ResizeResult Applied(string? revision, string message, int attempts = 1) => new(true, revision, null, message, attempts);

    /// <summary>A failure of the given kind.</summary>
    public static ResizeResult Failure(ScaleTargetErrorKind kind, string message, int attempts = 1) => new(false, null, kind, message, attempts);

    /// <summary>The actuator cannot change sizes; nothing was sent.</summary>
    public static ResizeResult Unsupported(string message) => new(false, null, ScaleTargetErrorKind.Invalid, message, 0, true);
}
