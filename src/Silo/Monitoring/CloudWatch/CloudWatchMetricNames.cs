namespace Autoscaler.Silo.Monitoring.CloudWatch;

/// <summary>The metric names the CloudWatch export writes (and the dashboard body draws), one place.</summary>
public static class CloudWatchMetricNames
{
    /// <summary>Per target, in <see cref="CloudWatchExportOptions.TargetNamespace"/>.</summary>
    public static readonly IReadOnlyList<string> Target = ["CurrentCapacity", "DesiredCapacity", "MinCapacity", "MaxCapacity"];

    /// <summary>Per agent pool, in <see cref="CloudWatchExportOptions.AgentNamespace"/>, with their units.</summary>
    public static readonly IReadOnlyList<(string Name, string Unit)> Agents =
        [("ActiveAgentCount", "Count"), ("PendingTaskCount", "Count"), ("AgentUtilization", "Percent")];

    /// <summary>Per agent pool, in <see cref="CloudWatchExportOptions.PerformanceNamespace"/>: the agents' average response time.</summary>
    public const string AverageResponseTime = "AverageResponseTime";

    /// <summary>The dimension naming the target.</summary>
    public const string TargetDimension = "Target";
}
