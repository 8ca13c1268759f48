namespace Autoscaler.Scaling.Windows;

/// <summary>The latest known state of one instance (agent, task, replica) of a metric.</summary>
/// <param name="Id">The instance id.</param>
/// <param name="Value">Its latest sample.</param>
/// <param name="Request">Its reserved amount (for utilization), or <see cref="double.NaN"/> when unknown.</param>
/// <param name="Ready">Whether it reported itself ready with its latest sample.</param>
/// <param name="LastSeenTicks">UTC ticks of its latest sample.</param>
/// <param name="Missing">True when its latest sample is older than the staleness limit: treat it as having no sample.</param>
public readonly record struct InstanceReading(string Id, double Value, double Request, bool Ready, long LastSeenTicks, bool Missing);
