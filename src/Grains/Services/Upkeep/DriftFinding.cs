namespace Autoscaler.Grains.Services.Upkeep;

/// <summary>A drift that has lasted past the target's limit: what the actuator reports, since when, and whether it is
/// being flagged now (once per drift) or was flagged before (a <c>reassert</c> still to retry).</summary>
internal sealed record DriftFinding(int Observed, DateTimeOffset Since, bool NewlyFlagged);
