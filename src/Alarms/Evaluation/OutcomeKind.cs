namespace Autoscaler.Alarms.Evaluation;

/// <summary>Which rule of the evaluation decided: the reasons are worded after it.</summary>
public enum OutcomeKind
{
    /// <summary>N real datapoints (or N with filled periods) were compared.</summary>
    Compared,

    /// <summary>No datapoint in the range under <c>missing</c>: INSUFFICIENT_DATA.</summary>
    NoData,

    /// <summary>Too little data to decide under <c>missing</c>: INSUFFICIENT_DATA.</summary>
    TooFewDatapoints,

    /// <summary>Too little data under <c>ignore</c>: the state is kept.</summary>
    Retained,

    /// <summary>Fewer than N real datapoints, but enough to decide without filling (at least M breaching, or one within the threshold).</summary>
    DecidedOnFewer,

    /// <summary>
    /// Under <c>missing</c>, only breaching datapoints and the oldest is at least M periods old: ALARM (the User Guide's
    /// sixth row; AWS's knowledge-center note on alarms after a single breaching datapoint).
    /// </summary>
    SustainedBreach,

    /// <summary>An anomaly band was wanted but the model has too little history: INSUFFICIENT_DATA.</summary>
    ModelNotReady,
}
