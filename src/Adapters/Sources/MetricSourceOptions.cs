namespace Autoscaler.Adapters.Sources;

/// <summary>One pull source (<c>Sources:N</c>, environment <c>Sources__N__Key</c>).</summary>
public sealed class MetricSourceOptions
{
    /// <summary>The default <see cref="InstanceLabel"/>.</summary>
    public const string DefaultInstanceLabel = "instance";

    /// <summary><c>prometheus</c> or <c>postgresql</c>. Required.</summary>
    public MetricSourceKind? Kind { get; set; }

    /// <summary>The scale target whose service grain receives the samples. Required.</summary>
    public string Target { get; set; } = string.Empty;

    /// <summary>The metric name the values are reported under. Required.</summary>
    public string Metric { get; set; } = string.Empty;

    /// <summary>PromQL (prometheus) or SQL (postgresql). Operator configuration: it is run as written, without parameters.</summary>
    public string Query { get; set; } = string.Empty;

    /// <summary>Prometheus base URL, e.g. <c>http://127.0.0.1:9090</c> (prometheus only).</summary>
    public string? Url { get; set; }

    /// <summary>PostgreSQL connection string (postgresql only); defaults to <c>ConnectionStrings:Autoscaler</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The series label whose value names the instance (prometheus); series without it are aggregates.</summary>
    public string InstanceLabel { get; set; } = DefaultInstanceLabel;

    /// <summary>Time between polls.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Longest one poll may take (also the SQL <c>statement_timeout</c>); at most <see cref="Interval"/>.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Failed polls in a row during which the last good values are still delivered (re-stamped); after that nothing is
    /// delivered, so the engine's no-data handling applies. 0 stops at the first failure.
    /// </summary>
    public int StaleAfterFailures { get; set; } = 3;

    /// <summary>
    /// Upper bound of a random delay before the first poll, so sources started together do not poll together; later
    /// polls keep that offset. Null means a tenth of <see cref="Interval"/>.
    /// </summary>
    public TimeSpan? Jitter { get; set; }

    /// <summary>The jitter actually applied.</summary>
    public TimeSpan EffectiveJitter => Jitter ?? Interval / 10;
}
