namespace Autoscaler.Scaling.Supervision.Budget;

/// <summary>Set <see cref="Target"/>'s max capacity from <see cref="From"/> to <see cref="To"/>; <see cref="OriginalMax"/>
/// is what to restore at the next period (null after a restore); <see cref="Reason"/> is the audit line.</summary>
public sealed record MaxCapacityChange(string Target, int From, int To, int? OriginalMax, string Reason);
