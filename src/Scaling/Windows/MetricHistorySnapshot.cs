namespace Autoscaler.Scaling.Windows;

/// <summary>The occupied steps of a <see cref="MetricHistory"/>, column-wise; <see cref="MetricHistory.Restore"/> inverts it.</summary>
/// <param name="StepTicks">Spacing of the points in ticks.</param>
/// <param name="Capacity">Number of steps kept.</param>
/// <param name="Head">Absolute index of the newest step (long.MinValue when empty).</param>
/// <param name="Epochs">Absolute index (ticks / step) of each occupied step.</param>
/// <param name="Sums">Sum recorded in each step.</param>
/// <param name="Counts">Values recorded in each step.</param>
public sealed record MetricHistorySnapshot(long StepTicks, int Capacity, long Head, long[] Epochs, double[] Sums, int[] Counts);
