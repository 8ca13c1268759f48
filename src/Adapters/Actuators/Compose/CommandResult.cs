namespace Autoscaler.Adapters.Actuators.Compose;

/// <summary>
/// How a command ended. <see cref="ExitCode"/> is -1 when it <see cref="TimedOut"/> (it was killed) or
/// <see cref="FailedToStart"/> (program not found or not executable; the reason is in <see cref="StandardError"/>).
/// </summary>
public sealed record CommandResult(int ExitCode, string StandardOutput, string StandardError, bool TimedOut = false, bool FailedToStart = false)
{
    /// <summary>Exited on its own with code 0.</summary>
    public bool Succeeded => ExitCode == 0 && !TimedOut && !FailedToStart;
}
