namespace Autoscaler.Alarms.Suppression;

/// <summary>What to do now: run the held ALARM actions or not, and the next status.</summary>
/// <param name="RunAlarmActions">True when the composite's ALARM actions should run now.</param>
/// <param name="Status">The tracker's memory after this step.</param>
/// <param name="Note">Why, for the alarm's history ("held: suppressor Maintenance is in ALARM").</param>
public sealed record SuppressionStep(bool RunAlarmActions, SuppressionStatus Status, string? Note);
