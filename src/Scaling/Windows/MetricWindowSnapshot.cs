namespace Autoscaler.Scaling.Windows;

/// <summary>
/// Everything a <see cref="MetricWindow"/> holds, as plain arrays (System.Text.Json-serializable, no NaN or infinity):
/// <see cref="MetricWindow.Restore"/> gives a window whose aggregations, instance readings and staleness equal the
/// original's at every instant. Only occupied buckets are kept, so its size follows the data, not the window's length.
/// </summary>
/// <param name="Options">The window's shape.</param>
/// <param name="DroppedSamples">Samples the window had dropped.</param>
/// <param name="Buckets">The occupied time buckets.</param>
/// <param name="Instances">The tracked instances.</param>
public sealed record MetricWindowSnapshot(
    MetricWindowOptions Options,
    long DroppedSamples,
    BucketsSnapshot Buckets,
    InstancesSnapshot Instances);
