using Autoscaler.Alarms.Model;

namespace Autoscaler.Alarms.Evaluation;

/// <summary>The result of one evaluation, allocation-free: the new state, how it was decided, and how many entries of the
/// caller's buffer (<see cref="MetricAlarmEvaluator.Evaluate"/>) hold the evaluated datapoints, newest first.</summary>
/// <param name="State">The state after the evaluation.</param>
/// <param name="Previous">The state before it.</param>
/// <param name="Kind">Which rule decided.</param>
/// <param name="EvaluatedCount">Entries written to the evaluated buffer.</param>
/// <param name="Breaching">Evaluated datapoints counted as breaching (filled ones included).</param>
/// <param name="RealCount">Real datapoints in the range.</param>
/// <param name="RangeLength">Periods in the range.</param>
public readonly record struct AlarmOutcome(
    AlarmState State,
    AlarmState Previous,
    OutcomeKind Kind,
    int EvaluatedCount,
    int Breaching,
    int RealCount,
    int RangeLength)
{
    /// <summary>True when the state changed.</summary>
    public bool Changed => State != Previous;
}
