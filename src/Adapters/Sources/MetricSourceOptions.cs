namespace Autoscaler.Adapters.Sources;

/// <summary>One pull source (<c>Sources:N</c>, environment <c>Sources__N__Key</c>).</summary>
public sealed class MetricSourceOptions
{
    /// <summary>The default <see cref="InstanceLabel"/>.</summary>
    public const string DefaultInstanceLabel = "instance";

    /// <summary>The default <see cref="Statistic"/>.</summary>
    public const string DefaultStatistic = "Average";

    /// <summary>The default <see cref="PeriodSeconds"/>.</summary>
    public const int DefaultPeriodSeconds = 60;

    /// <summary><c>prometheus</c>, <c>postgresql</c> or <c>cloudWatch</c>. Required.</summary>
    public MetricSourceKind? Kind { get; set; }

    /// <summary>The scale target whose service grain receives the samples. Required.</summary>
    public string Target { get; set; } = string.Empty;

    /// <summary>The metric name the values are reported under. Required.</summary>
    public string Metric { get; set; } = string.Empty;

    /// <summary>
    /// PromQL (prometheus), SQL (postgresql), or a CloudWatch expression giving one series (cloudWatch: metric math,
    /// <c>SEARCH</c> or a Metrics Insights <c>SELECT</c>, instead of <see cref="Namespace"/>/<see cref="MetricName"/>).
    /// Operator configuration: it is run as written, without parameters.
    /// </summary>
    public string Query { get; set; } = string.Empty;

    /// <summary>
    /// Prometheus base URL, e.g. <c>http://127.0.0.1:9090</c> (prometheus, required); CloudWatch endpoint override
    /// (cloudWatch, optional; default <c>https://monitoring.{Region}.amazonaws.com/</c>).
    /// </summary>
    public string? Url { get; set; }

    /// <summary>AWS region of a cloudWatch source, e.g. <c>eu-west-1</c>; defaults to <c>AWS_REGION</c>, then <c>AWS_DEFAULT_REGION</c>.</summary>
    public string? Region { get; set; }

    /// <summary>CloudWatch namespace, e.g. <c>AWS/ECS</c> (cloudWatch without <see cref="Query"/>).</summary>
    public string? Namespace { get; set; }

    /// <summary>CloudWatch metric name, e.g. <c>CPUUtilization</c> (cloudWatch without <see cref="Query"/>).</summary>
    public string? MetricName { get; set; }

    /// <summary>
    /// CloudWatch dimensions as <c>Name=Value,Name=Value</c>, e.g. <c>ClusterName=prod,ServiceName=worker</c>; they must
    /// match the published ones exactly (cloudWatch without <see cref="Query"/>).
    /// </summary>
    public string? Dimensions { get; set; }

    /// <summary>
    /// <c>Average</c>, <c>Sum</c>, <c>Maximum</c>, <c>Minimum</c>, <c>SampleCount</c> or a percentile <c>p0</c>-<c>p100</c>
    /// such as <c>p99</c> (cloudWatch without <see cref="Query"/>; case-insensitive).
    /// </summary>
    public string Statistic { get; set; } = DefaultStatistic;

    /// <summary>Seconds per CloudWatch datapoint: 1, 5, 10, 20, 30 (high resolution) or a multiple of 60 (cloudWatch).</summary>
    public int PeriodSeconds { get; set; } = DefaultPeriodSeconds;

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

    /// <summary>The entry's key under <c>Sources</c> ("0", "1", ...), so messages name the key as configured; set by the host.</summary>
    public string? Key { get; internal set; }

    /// <summary>The jitter actually applied.</summary>
    public TimeSpan EffectiveJitter => Jitter ?? Interval / 10;
}
