namespace Autoscaler.Scaling.Model;

/// <summary>The scaled thing's capacity now and the bounds it must stay within.</summary>
/// <param name="Current">Capacity (instances, replicas, tasks) the target has now: its desired count, not its running count.</param>
/// <param name="Min">Lowest capacity a decision may produce.</param>
/// <param name="Max">Highest capacity a decision may produce.</param>
public sealed record ScaleTarget(int Current, int Min, int Max);
