namespace Autoscaler.Alarms.Actions;

/// <summary>What else decides whether actions run now.</summary>
/// <param name="Muted">The open mute window's reason, or null.</param>
/// <param name="Suppressed">The suppressor's note when a composite's actions are held, or null.</param>
/// <param name="GlobalDryRun">The control plane's dry-run is on: nothing runs, everything is recorded as "would run".</param>
/// <param name="DedupWindow">A notification identical to one sent within this window is not sent again.</param>
public sealed record ActionContext(string? Muted, string? Suppressed, bool GlobalDryRun, TimeSpan DedupWindow);
