using Autoscaler.Scaling.Metrics;

namespace Autoscaler.Scaling.Policies;

/// <summary>One input of a <see cref="WeightedScorePolicy"/>.</summary>
/// <param name="Metric">The metric read.</param>
/// <param name="Weight">Its share of the score (weights are normalised by their sum).</param>
/// <param name="NormalizeMax">The value that counts as a full score of 1 (seed 004: CPU 100, response time 5000 ms, error rate 10, requests 1000/s).</param>
/// <param name="Aggregation">How the window's samples are reduced.</param>
/// <param name="WindowSeconds">Length of the window.</param>
public sealed record WeightedMetric(string Metric, double Weight, double NormalizeMax, Aggregation Aggregation, int WindowSeconds)
{
    /// <summary>value / normalizeMax, capped to [0, 1] so one runaway metric cannot outvote the rest.</summary>
    public double Normalize(double value) => Math.Clamp(value / NormalizeMax, 0, 1);
}
