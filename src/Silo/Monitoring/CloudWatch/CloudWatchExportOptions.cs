using System.ComponentModel.DataAnnotations;
using Autoscaler.Adapters.Resilience;

namespace Autoscaler.Silo.Monitoring.CloudWatch;

/// <summary>CloudWatch export of the per-target capacity and the agent pools' metrics, section
/// <c>Monitoring:CloudWatch</c> (docs/monitoring.md). Retries (<c>MaxAttempts</c>, <c>BaseRetryDelay</c>,
/// <c>MaxRetryDelay</c>) repeat throttling, 5xx and network errors.</summary>
public sealed class CloudWatchExportOptions() : RetryOptions(3, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(10))
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Monitoring:CloudWatch";

    /// <summary>Export to CloudWatch (<c>Monitoring__CloudWatch__Enabled</c>); off by default.</summary>
    public bool Enabled { get; set; }

    /// <summary>The AWS region (<c>Monitoring__CloudWatch__Region</c>); required when enabled. Credentials come from the
    /// default chain (environment, profile, ECS task role, instance metadata).</summary>
    public string? Region { get; set; }

    /// <summary>Endpoint override (VPC endpoint, LocalStack, tests); default <c>https://monitoring.{region}.amazonaws.com/</c>.</summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>How often values are taken and sent (<c>Monitoring__CloudWatch__Interval</c>); default one minute, CloudWatch's standard resolution.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Namespace of the per-target capacity metrics.</summary>
    [Required]
    public string TargetNamespace { get; set; } = "Autoscaler/Targets";

    /// <summary>Namespace of the agent pools' metrics (the seed's <c>MisterSmith/Agents</c>).</summary>
    [Required]
    public string AgentNamespace { get; set; } = "MisterSmith/Agents";

    /// <summary>Namespace of the agent pools' response time.</summary>
    [Required]
    public string PerformanceNamespace { get; set; } = "MisterSmith/Performance";

    /// <summary>An <c>Environment</c> dimension added to every value (<c>production</c>), or none.</summary>
    public string? Environment { get; set; }

    /// <summary>Most values waiting to be sent (while CloudWatch throttles or is unreachable); past it new values are dropped and counted.</summary>
    [Range(1000, 10_000_000)]
    public int MaxBuffered { get; set; } = 200_000;

    /// <summary>How long the last flush on shutdown may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
