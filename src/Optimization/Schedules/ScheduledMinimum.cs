namespace Autoscaler.Optimization.Schedules;

/// <summary>From <see cref="Cron"/> on (UTC), keep at least <see cref="MinCapacity"/> instances.</summary>
/// <param name="Name">Action name (<c>weekly-MON-09</c>, <c>daily-09</c>).</param>
/// <param name="Cron">AWS cron expression of the hour the minimum starts.</param>
/// <param name="MinCapacity">The minimum from then until the next action.</param>
public sealed record ScheduledMinimum(string Name, string Cron, int MinCapacity);
