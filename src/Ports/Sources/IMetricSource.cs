namespace Autoscaler.Ports.Sources;

/// <summary>
/// A metric read on demand (pull), for users without push telemetry: a Prometheus query, a SQL query. A poller calls it
/// on an interval and turns the readings into telemetry samples.
/// </summary>
public interface IMetricSource
{
    /// <summary>
    /// Reads the current values. Failures of the external system come back as <see cref="MetricSourceResultKind.Failed"/>
    /// with a message, not as exceptions; cancellation (the poll's timeout) throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public Task<MetricSourceResult> ReadAsync(CancellationToken cancellationToken);
}
