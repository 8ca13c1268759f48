namespace Autoscaler.Grains.Interfaces;

/// <summary>A policy's latest vote and why.</summary>
/// <param name="At">Evaluation time.</param>
/// <param name="Status">Vote, no data, blocked by cooldown, ...</param>
/// <param name="Desired">Capacity it voted for (null: no vote).</param>
/// <param name="MetricValue">The metric value it saw.</param>
/// <param name="Confidence">0..1.</param>
/// <param name="Explanation">Its explanation line.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.PolicyVote")]
public sealed record PolicyVote(DateTimeOffset At, string Status, int? Desired, double? MetricValue, double Confidence, string Explanation);
