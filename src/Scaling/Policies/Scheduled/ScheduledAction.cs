using Autoscaler.Scaling.Scheduling;

namespace Autoscaler.Scaling.Policies;

/// <summary>One scheduled action: when it fires and the capacity settings it applies (AWS PutScheduledAction, seed 000).</summary>
/// <param name="Name">Action name (seed: `business-hours-scale-up`).</param>
/// <param name="Schedule">When it fires, in its time zone, within its start/end time.</param>
/// <param name="MinCapacity">New minimum, or null to keep the target's.</param>
/// <param name="MaxCapacity">New maximum, or null to keep the target's.</param>
/// <param name="DesiredCapacity">Capacity to set once when the action fires, or null.</param>
public sealed record ScheduledAction(string Name, ScalingSchedule Schedule, int? MinCapacity, int? MaxCapacity, int? DesiredCapacity);
