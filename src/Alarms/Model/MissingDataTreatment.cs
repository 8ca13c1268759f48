namespace Autoscaler.Alarms.Model;

/// <summary>CloudWatch's <c>treatMissingData</c>: how periods without a datapoint count.</summary>
public enum MissingDataTreatment
{
    /// <summary>Missing periods are not considered; with none real in the range the alarm is INSUFFICIENT_DATA (default).</summary>
    Missing,

    /// <summary>Too little data keeps the current state.</summary>
    Ignore,

    /// <summary>Missing periods count as breaching.</summary>
    Breaching,

    /// <summary>Missing periods count as within the threshold.</summary>
    NotBreaching,
}
