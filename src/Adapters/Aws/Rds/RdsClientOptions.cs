using System.ComponentModel.DataAnnotations;
using Autoscaler.Adapters.Resilience;

namespace Autoscaler.Adapters.Aws.Rds;

/// <summary>
/// Where and how <see cref="RdsQueryClient"/> calls RDS. Retries (<c>MaxAttempts</c> HTTP attempts per call, default 4;
/// <c>BaseRetryDelay</c>, 200 ms; <c>MaxRetryDelay</c>, 5 s) repeat throttling (<c>Throttling</c>), 429, 5xx and network
/// errors. The Aurora actuator binds its section (<c>Actuators:Aurora</c>) to a class deriving from this one.
/// </summary>
public class RdsClientOptions() : RetryOptions(4, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5))
{
    /// <summary>Default region; a cluster's own region wins; unset falls back to <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>.</summary>
    public string? Region { get; set; }

    /// <summary>Endpoint override (tests, VPC endpoints, LocalStack); default <c>https://rds.{region}.amazonaws.com/</c>.</summary>
    [Url]
    public string? ServiceUrl { get; set; }

    /// <summary>Timeout of one HTTP attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
