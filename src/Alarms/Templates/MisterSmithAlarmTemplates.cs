namespace Autoscaler.Alarms.Templates;

/// <summary>
/// Seed 000's alerting configuration for the MisterSmith fleet: the critical and warning alert sets (metric, threshold,
/// comparison, period, evaluation periods), its automated remediation (scale the worker service by 2 up to 50, restart on
/// exhausted database connections), a composite that pages only when load and latency agree, and the control plane's own
/// health. Each set is applied to one target.
/// </summary>
internal static class MisterSmithAlarmTemplates
{
    private const string Source = "seed 000: Alerting Configuration";

    public static IReadOnlyList<AlarmTemplate> All { get; } =
    [
        new(
            "mistersmith-critical",
            "Critical alerts: HighCPUUtilization > 90 % 2×300 s, HighMemoryUtilization > 95 % 2×300 s, DatabaseConnectionsExhausted > 900 1×300 s, TaskProcessingLatencyHigh > 5000 ms 3×300 s.",
            Source,
            Roles(("cpu", "cpu"), ("memory", "memory"), ("dbConnections", "DatabaseConnections"), ("latency", "TaskProcessingLatency")),
            """
            [
              { "name": "{{prefix}}HighCPUUtilization", "target": "{{target}}", "severity": "critical", "metric": "{{cpu}}",
                "statistic": "Average", "periodSeconds": 300, "evaluationPeriods": 2, "threshold": 90,
                "comparison": "GreaterThanThreshold", "alarmActions": [ { "kind": "notify" } ], "okActions": [ { "kind": "notify" } ] },
              { "name": "{{prefix}}HighMemoryUtilization", "target": "{{target}}", "severity": "critical", "metric": "{{memory}}",
                "statistic": "Average", "periodSeconds": 300, "evaluationPeriods": 2, "threshold": 95,
                "comparison": "GreaterThanThreshold", "alarmActions": [ { "kind": "notify" } ], "okActions": [ { "kind": "notify" } ] },
              { "name": "{{prefix}}DatabaseConnectionsExhausted", "target": "{{target}}", "severity": "critical", "metric": "{{dbConnections}}",
                "statistic": "Average", "periodSeconds": 300, "evaluationPeriods": 1, "threshold": 900,
                "comparison": "GreaterThanThreshold", "alarmActions": [ { "kind": "notify" } ], "okActions": [ { "kind": "notify" } ] },
              { "name": "{{prefix}}TaskProcessingLatencyHigh", "target": "{{target}}", "severity": "critical", "metric": "{{latency}}",
                "statistic": "Average", "periodSeconds": 300, "evaluationPeriods": 3, "threshold": 5000,
                "comparison": "GreaterThanThreshold", "alarmActions": [ { "kind": "notify" } ], "okActions": [ { "kind": "notify" } ] }
            ]
            """),
        new(
            "mistersmith-warning",
            "Warning alerts: ModerateResourceUtilization > 80 % 2×900 s, QueueDepthIncreasing > 500 3×300 s, AgentUtilizationHigh > 85 % 2×600 s.",
            Source,
            Roles(("cpu", "cpu"), ("queueDepth", "MessageQueueDepth"), ("agentUtilization", "AgentUtilization")),
            """
            [
              { "name": "{{prefix}}ModerateResourceUtilization", "target": "{{target}}", "severity": "warning", "metric": "{{cpu}}",
                "statistic": "Average", "periodSeconds": 900, "evaluationPeriods": 2, "threshold": 80,
                "comparison": "GreaterThanThreshold", "alarmActions": [ { "kind": "notify" } ] },
              { "name": "{{prefix}}QueueDepthIncreasing", "target": "{{target}}", "severity": "warning", "metric": "{{queueDepth}}",
                "statistic": "Average", "periodSeconds": 300, "evaluationPeriods": 3, "threshold": 500,
                "comparison": "GreaterThanThreshold", "alarmActions": [ { "kind": "notify" } ], "escalation": { "afterMinutes": 30 } },
              { "name": "{{prefix}}AgentUtilizationHigh", "target": "{{target}}", "severity": "warning", "metric": "{{agentUtilization}}",
                "statistic": "Average", "periodSeconds": 600, "evaluationPeriods": 2, "threshold": 85,
                "comparison": "GreaterThanThreshold", "alarmActions": [ { "kind": "notify" } ] }
            ]
            """),
        new(
            "mistersmith-remediation",
            "Automated remediation: CPU > 90 % or queue depth > 500 scale the service by 2 (max 50); exhausted database connections restart it.",
            Source + " / Automated Remediation",
            Roles(("cpu", "cpu"), ("queueDepth", "MessageQueueDepth"), ("dbConnections", "DatabaseConnections")),
            """
            [
              { "name": "{{prefix}}ScaleOnHighCPU", "target": "{{target}}", "severity": "critical", "metric": "{{cpu}}",
                "statistic": "Average", "periodSeconds": 300, "evaluationPeriods": 2, "threshold": 90, "comparison": "GreaterThanThreshold",
                "alarmActions": [ { "kind": "scale", "adjustment": 2, "max": 50 }, { "kind": "notify" } ] },
              { "name": "{{prefix}}ScaleOnQueueDepth", "target": "{{target}}", "severity": "warning", "metric": "{{queueDepth}}",
                "statistic": "Average", "periodSeconds": 300, "evaluationPeriods": 3, "threshold": 500, "comparison": "GreaterThanThreshold",
                "alarmActions": [ { "kind": "scale", "adjustment": 2, "max": 50 } ] },
              { "name": "{{prefix}}RestartOnConnectionsExhausted", "target": "{{target}}", "severity": "critical", "metric": "{{dbConnections}}",
                "statistic": "Average", "periodSeconds": 300, "evaluationPeriods": 1, "threshold": 900, "comparison": "GreaterThanThreshold",
                "alarmActions": [ { "kind": "restart" }, { "kind": "notify" } ] }
            ]
            """),
        new(
            "mistersmith-composite",
            "Alert-fatigue control: page only when CPU and task latency are both high, unless the Maintenance alarm is in ALARM.",
            Source + " / Alerting Fatigue Prevention",
            Roles(("cpu", "cpu"), ("latency", "TaskProcessingLatency")),
            """
            [
              { "name": "{{prefix}}CPUHigh", "target": "{{target}}", "severity": "info", "metric": "{{cpu}}",
                "statistic": "Average", "periodSeconds": 300, "evaluationPeriods": 2, "threshold": 90, "comparison": "GreaterThanThreshold" },
              { "name": "{{prefix}}LatencyHigh", "target": "{{target}}", "severity": "info", "metric": "{{latency}}",
                "statistic": "p95", "periodSeconds": 300, "evaluationPeriods": 3, "datapointsToAlarm": 2, "threshold": 5000,
                "comparison": "GreaterThanThreshold" },
              { "name": "{{prefix}}Maintenance", "target": "{{target}}", "severity": "info", "metric": "maintenance",
                "statistic": "Maximum", "periodSeconds": 60, "evaluationPeriods": 1, "threshold": 0,
                "comparison": "GreaterThanThreshold", "treatMissingData": "notBreaching" },
              { "name": "{{prefix}}ServiceDegraded", "target": "{{target}}", "severity": "critical",
                "rule": "ALARM({{prefix}}CPUHigh) AND ALARM({{prefix}}LatencyHigh)",
                "actionsSuppressor": { "alarm": "{{prefix}}Maintenance", "waitPeriodSeconds": 120, "extensionPeriodSeconds": 300 },
                "alarmActions": [ { "kind": "notify" } ], "okActions": [ { "kind": "notify" } ], "escalation": { "afterMinutes": 15 } }
            ]
            """),
        new(
            "mistersmith-anomaly",
            "Anomaly detection: task latency and pending tasks outside their learned daily/weekly band (k = 2).",
            "seed 000: Alerting Fatigue Prevention (use anomaly detection)",
            Roles(("latency", "TaskProcessingLatency"), ("pendingTasks", "PendingTaskCount")),
            """
            [
              { "name": "{{prefix}}LatencyAnomaly", "target": "{{target}}", "severity": "warning", "metric": "{{latency}}",
                "statistic": "Average", "periodSeconds": 300, "evaluationPeriods": 3, "datapointsToAlarm": 2,
                "comparison": "GreaterThanUpperThreshold", "band": "ANOMALY_DETECTION_BAND({{latency}}, 2)", "alarmActions": [ { "kind": "notify" } ] },
              { "name": "{{prefix}}PendingTasksAnomaly", "target": "{{target}}", "severity": "info", "metric": "{{pendingTasks}}",
                "statistic": "Average", "periodSeconds": 300, "evaluationPeriods": 3, "datapointsToAlarm": 3,
                "comparison": "LessThanLowerOrGreaterThanUpperThreshold", "band": "ANOMALY_DETECTION_BAND({{pendingTasks}}, 3)",
                "alarmActions": [ { "kind": "notify" } ] }
            ]
            """),
        new(
            "control-plane",
            "The control plane's own health for one target: actuations failing, agents missing, decision latency over 5 s.",
            "issue: control-plane metrics",
            Roles(),
            """
            [
              { "name": "{{prefix}}ActuationFailing", "target": "{{target}}", "severity": "critical", "metric": "autoscaler.actuationFailures",
                "statistic": "Sum", "periodSeconds": 60, "evaluationPeriods": 3, "datapointsToAlarm": 2, "threshold": 1,
                "comparison": "GreaterThanOrEqualToThreshold", "treatMissingData": "notBreaching", "alarmActions": [ { "kind": "notify" } ],
                "okActions": [ { "kind": "notify" } ] },
              { "name": "{{prefix}}AgentsMissing", "target": "{{target}}", "severity": "warning", "metric": "autoscaler.agentsMissing",
                "statistic": "Maximum", "periodSeconds": 60, "evaluationPeriods": 5, "datapointsToAlarm": 3, "threshold": 0,
                "comparison": "GreaterThanThreshold", "treatMissingData": "notBreaching", "alarmActions": [ { "kind": "notify" } ] },
              { "name": "{{prefix}}DecisionLatencyHigh", "target": "{{target}}", "severity": "warning", "metric": "autoscaler.decisionLatencyMs",
                "statistic": "Maximum", "periodSeconds": 300, "evaluationPeriods": 1, "threshold": 5000,
                "comparison": "GreaterThanThreshold", "treatMissingData": "notBreaching", "alarmActions": [ { "kind": "notify" } ] }
            ]
            """),
    ];

    private static Dictionary<string, string> Roles(params (string Role, string Metric)[] roles) =>
        roles.ToDictionary(r => r.Role, r => r.Metric, StringComparer.Ordinal);
}
