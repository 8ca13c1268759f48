namespace Autoscaler.Scaling.Windows;

/// <summary>
/// Every tracked instance of a <see cref="MetricWindow"/> in its table order (which <see cref="MetricWindow.GetInstance(int, long)"/>
/// indexes), column-wise; the recent samples used to recognise re-deliveries are <c>RecentDepth</c> (4) per instance.
/// </summary>
/// <param name="Ids">Instance ids.</param>
/// <param name="Values">Latest value per instance.</param>
/// <param name="Requests">Latest reserved amount per instance; null when none was reported.</param>
/// <param name="Ready">Latest readiness per instance.</param>
/// <param name="LastSeen">Timestamp (UTC ticks) of the latest sample per instance.</param>
/// <param name="RecentTicks">Timestamps of each instance's last four samples (long.MinValue for an unused entry).</param>
/// <param name="RecentValues">Values of those samples.</param>
public sealed record InstancesSnapshot(
    string[] Ids,
    double[] Values,
    double?[] Requests,
    bool[] Ready,
    long[] LastSeen,
    long[] RecentTicks,
    double[] RecentValues);
