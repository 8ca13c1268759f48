namespace Autoscaler.Scaling.Model;

/// <summary>A capacity change that was applied.</summary>
/// <param name="At">When the change was made.</param>
/// <param name="Change">Signed: positive for scale-out, negative for scale-in.</param>
/// <param name="Policy">The policy that drove the change (for per-policy cooldowns); null when none did (manual, fallback).</param>
public sealed record ScaleEvent(DateTimeOffset At, int Change, string? Policy);
