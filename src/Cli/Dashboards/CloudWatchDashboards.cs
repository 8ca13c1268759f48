using System.Text.Json.Nodes;

namespace Autoscaler.Cli.Dashboards;

/// <summary>
/// CloudWatch dashboard bodies in the shape of the MisterSmith deployment's three dashboards: <c>overview</c> (ECS
/// resource use, the agent metrics, the autoscaler's capacity per target), <c>performance</c> (response times, pending
/// work) and <c>database</c> (Aurora). The autoscaler's own metrics are drawn with <c>SEARCH</c> expressions over their
/// <c>Target</c> dimension, so every target appears without listing them.
/// </summary>
public static class CloudWatchDashboards
{
    /// <summary>The dashboards, in order.</summary>
    public static readonly IReadOnlyList<string> Names = ["overview", "performance", "database"];

    /// <summary>The metrics of the silo's export the dashboards draw: namespace setting, metric name.</summary>
    public static readonly IReadOnlyList<string> TargetMetrics = ["CurrentCapacity", "DesiredCapacity", "MinCapacity", "MaxCapacity"];

    /// <summary>The agent pool metrics drawn.</summary>
    public static readonly IReadOnlyList<string> AgentMetrics = ["ActiveAgentCount", "PendingTaskCount", "AgentUtilization"];

    /// <summary>The response time metric drawn.</summary>
    public const string ResponseTimeMetric = "AverageResponseTime";

    /// <summary>The body of dashboard <paramref name="name"/>; null for an unknown name.</summary>
    public static JsonObject? Body(string name, CloudWatchDashboardSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        JsonObject[]? widgets = name switch
        {
            "overview" =>
            [
                Widget(settings, 0, "ECS Service Resource Utilization", "Average",
                    [.. settings.Services.SelectMany(s => new[] { Metric("AWS/ECS", "CPUUtilization", "ServiceName", s), Metric("AWS/ECS", "MemoryUtilization", "ServiceName", s) })]),
                Widget(settings, 1, "Agent Metrics", "Average", [.. AgentMetrics.Select((m, i) => Search(settings, settings.AgentNamespace, m, "Average", i))]),
                Widget(settings, 2, "Autoscaler Capacity per Target", "Maximum",
                    [.. TargetMetrics.Select((m, i) => Search(settings, settings.TargetNamespace, m, "Maximum", i))]),
            ],
            "performance" =>
            [
                Widget(settings, 0, "Response Time Metrics", "Average",
                [
                    Search(settings, settings.PerformanceNamespace, ResponseTimeMetric, "Average", 0),
                    Expression("SEARCH('{AWS/ApplicationELB,LoadBalancer} MetricName=\"TargetResponseTime\"', 'Average', " + settings.Period + ")", "e1", "ALB TargetResponseTime"),
                ]),
                Widget(settings, 1, "Throughput Metrics", "Sum", [Search(settings, settings.AgentNamespace, "PendingTaskCount", "Sum", 0)]),
            ],
            "database" =>
            [
                Widget(settings, 0, "Aurora Metrics", "Average",
                [
                    Metric("AWS/RDS", "CPUUtilization", "DBClusterIdentifier", settings.DatabaseCluster),
                    Metric("AWS/RDS", "ServerlessDatabaseCapacity", "DBClusterIdentifier", settings.DatabaseCluster),
                    Metric("AWS/RDS", "DatabaseConnections", "DBClusterIdentifier", settings.DatabaseCluster),
                ]),
            ],
            _ => null,
        };
        return widgets is null ? null : new JsonObject { ["widgets"] = new JsonArray(widgets) };
    }

    private static JsonObject Widget(CloudWatchDashboardSettings settings, int index, string title, string stat, JsonNode[] metrics) => new()
    {
        ["type"] = "metric",
        ["x"] = index % 2 * 12,
        ["y"] = index / 2 * 6,
        ["width"] = 12,
        ["height"] = 6,
        ["properties"] = new JsonObject
        {
            ["metrics"] = new JsonArray(metrics),
            ["period"] = settings.Period,
            ["stat"] = stat,
            ["region"] = settings.Region,
            ["title"] = title,
            ["view"] = "timeSeries",
        },
    };

    private static JsonArray Metric(string ns, string metric, string dimension, string value) => [ns, metric, dimension, value];

    // One line per target: SEARCH over the Target dimension (and Environment when the export adds it).
    private static JsonArray Search(CloudWatchDashboardSettings settings, string ns, string metric, string stat, int index)
    {
        var schema = settings.Environment is null ? $"{{{ns},Target}}" : $"{{{ns},Target,Environment}} Environment=\"{settings.Environment}\"";
        return Expression($"SEARCH('{schema} MetricName=\"{metric}\"', '{stat}', {settings.Period})", $"m{index}", metric);
    }

    private static JsonArray Expression(string expression, string id, string label) =>
        [new JsonObject { ["expression"] = expression, ["id"] = id, ["label"] = label }];
}
