namespace Autoscaler.Cli.Dashboards;

/// <summary>What a CloudWatch dashboard body is drawn for: the region, the ECS services, the Aurora cluster and the
/// namespaces the silo's CloudWatch export writes to (<c>Monitoring:CloudWatch</c>, same defaults).</summary>
public sealed record CloudWatchDashboardSettings(
    string Region,
    IReadOnlyList<string> Services,
    string DatabaseCluster,
    string TargetNamespace = "Autoscaler/Targets",
    string AgentNamespace = "MisterSmith/Agents",
    string PerformanceNamespace = "MisterSmith/Performance",
    string? Environment = null,
    int Period = 300);
