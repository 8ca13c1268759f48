namespace Autoscaler.Adapters.Aws.CloudWatch;

/// <summary>
/// The series one query produced (<c>MetricDataResult</c>). <see cref="Timestamps"/> and <see cref="Values"/> pair up by
/// index; a timestamp is the start of its period. A <c>SEARCH</c> expression yields several results with the same id.
/// </summary>
/// <param name="Id">The query's id.</param>
/// <param name="Label">The series' label.</param>
/// <param name="Timestamps">Datapoint times, in the order CloudWatch returned them (see <c>ScanBy</c>).</param>
/// <param name="Values">Datapoint values, same order and count.</param>
/// <param name="StatusCode"><c>Complete</c>, <c>PartialData</c> (more pages), <c>InternalError</c> or <c>Forbidden</c>.</param>
/// <param name="Messages">What CloudWatch says about this series, if anything.</param>
public sealed record CloudWatchMetricDataResult(
    string Id,
    string? Label,
    IReadOnlyList<DateTimeOffset> Timestamps,
    IReadOnlyList<double> Values,
    string StatusCode,
    IReadOnlyList<CloudWatchMessage> Messages)
{
    /// <summary>Every datapoint is here.</summary>
    public const string Complete = "Complete";

    /// <summary>More datapoints are on the next page.</summary>
    public const string PartialData = "PartialData";
}
