namespace Autoscaler.Adapters.Sources;

/// <summary>Which system a configured source queries (<c>Sources:N:Kind</c>, case-insensitive).</summary>
public enum MetricSourceKind
{
    /// <summary>A PromQL instant query against a Prometheus server's HTTP API.</summary>
    Prometheus,

    /// <summary>A read-only SQL query against PostgreSQL.</summary>
    PostgreSql,

    /// <summary>The newest datapoint of an AWS CloudWatch metric or metric expression (GetMetricData).</summary>
    CloudWatch,
}
