namespace Autoscaler.Alarms.Evaluation;

/// <summary>One datapoint a decision used.</summary>
/// <param name="Index">Its index in the evaluation range (oldest first); for a filled period, the missing period it stands for.</param>
/// <param name="Value">The value (NaN for a filled period).</param>
/// <param name="Breaching">Whether it counted as breaching.</param>
/// <param name="Fill">Real, or filled by <c>treatMissingData</c>.</param>
public readonly record struct EvaluatedPoint(int Index, double Value, bool Breaching, PointFill Fill);
