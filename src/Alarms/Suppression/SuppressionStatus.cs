namespace Autoscaler.Alarms.Suppression;

/// <summary>The suppression tracker's memory: persisted with the alarm so that a failover keeps it.</summary>
/// <param name="Phase">The phase.</param>
/// <param name="Until">When the wait or extension ends (null in the other phases).</param>
/// <param name="SuppressedEpisode">True once this ALARM episode's actions were held by the suppressor: its OK actions
/// are held too, so nobody is told of the end of an alarm they were never told of.</param>
public sealed record SuppressionStatus(SuppressionPhase Phase, DateTimeOffset? Until, bool SuppressedEpisode)
{
    /// <summary>Nothing pending.</summary>
    public static SuppressionStatus Idle { get; } = new(SuppressionPhase.Idle, null, false);
}
