using Autoscaler.Alarms.Actions;
using Autoscaler.Alarms.Json;
using Autoscaler.Alarms.Model;
using Autoscaler.Scaling.Validation;

namespace Autoscaler.Alarms.Tests;

/// <summary>Alarm definitions: what each kind of alarm and action reads as, and every rule they must follow.</summary>
public sealed class AlarmReaderTests
{
    [Fact]
    public void A_metric_alarm_takes_cloudwatchs_defaults()
    {
        var alarm = AlarmDocuments.ReadDefinition("""{ "name": "cpu-high", "metric": "cpu", "periodSeconds": 60, "evaluationPeriods": 3, "threshold": 90, "comparison": "GreaterThanThreshold" }""");

        var metric = alarm.Metric!;
        Assert.Equal((AlarmStatistic.Average, 3, MissingDataTreatment.Missing, AlarmSeverity.Warning, true),
            (metric.Statistic, metric.Rule.DatapointsToAlarm, metric.Rule.TreatMissingData, alarm.Severity, alarm.ActionsEnabled));
        Assert.Equal(5, metric.RangeLength);
    }

    [Fact]
    public void An_anomaly_alarm_reads_its_band_expression()
    {
        var alarm = AlarmDocuments.ReadDefinition("""
            { "name": "lat", "metric": "latency", "statistic": "p99", "periodSeconds": 300, "evaluationPeriods": 3, "datapointsToAlarm": 2,
              "comparison": "GreaterThanUpperThreshold", "band": "ANOMALY_DETECTION_BAND(latency, 2.5)" }
            """);

        Assert.Equal((2.5, 99.0), (alarm.Metric!.BandWidth, alarm.Metric.Statistic.Percentile));
    }

    [Fact]
    public void A_composite_alarm_reads_its_rule_suppressor_and_actions()
    {
        var alarm = AlarmDocuments.ReadDefinition("""
            { "name": "degraded", "target": "worker", "severity": "critical", "rule": "ALARM(cpu) AND ALARM(latency)",
              "actionsSuppressor": { "alarm": "maintenance", "waitPeriodSeconds": 30 },
              "alarmActions": [ { "kind": "notify", "url": "http://127.0.0.1:9/hook", "format": "slack" }, { "kind": "scale", "adjustment": 2, "max": 50 } ],
              "okActions": [ { "kind": "notify", "subject": "alerts.ok" } ], "escalation": { "afterMinutes": 15 } }
            """);

        Assert.True(alarm.IsComposite);
        Assert.Equal(("maintenance", 30, 60), (alarm.Suppressor!.Alarm, alarm.Suppressor.WaitPeriodSeconds, alarm.Suppressor.ExtensionPeriodSeconds));
        var notify = Assert.IsType<NotifyAction>(alarm.AlarmActions[0]);
        Assert.Equal((NotifyFormat.Slack, 60), (notify.Format, notify.CooldownSeconds));
        var scale = Assert.IsType<ScaleAction>(alarm.AlarmActions[1]);
        Assert.Equal(("worker", 2, 50, 300), (scale.Target, scale.Adjustment, scale.Max, scale.CooldownSeconds));
        Assert.Equal(15, alarm.Escalation!.AfterMinutes);
    }

    [Fact]
    public void Inline_steps_are_relative_to_the_alarms_threshold_and_checked_by_the_engine()
    {
        var alarm = AlarmDocuments.ReadDefinition("""
            { "name": "queue", "target": "worker", "metric": "queue", "periodSeconds": 60, "evaluationPeriods": 1, "threshold": 500,
              "comparison": "GreaterThanThreshold",
              "alarmActions": [ { "kind": "scale", "adjustmentType": "ChangeInCapacity",
                                  "steps": [ { "lower": 0, "upper": 500, "adjustment": 1 }, { "lower": 500, "upper": null, "adjustment": 3 } ] } ] }
            """);

        var steps = Assert.IsType<ScaleAction>(Assert.Single(alarm.AlarmActions)).Steps!;
        Assert.Equal((500.0, "queue", 2), (steps.Threshold, steps.Metric, steps.Steps.Count));

        var gap = Assert.Throws<ScalingInputException>(() => AlarmDocuments.ReadDefinition("""
            { "name": "queue", "target": "worker", "metric": "queue", "periodSeconds": 60, "evaluationPeriods": 1, "threshold": 500,
              "comparison": "GreaterThanThreshold",
              "alarmActions": [ { "kind": "scale", "adjustmentType": "ChangeInCapacity",
                                  "steps": [ { "lower": 0, "upper": 100, "adjustment": 1 }, { "lower": 200, "upper": null, "adjustment": 3 } ] } ] }
            """));
        Assert.StartsWith("alarmActions[0].steps[1].lower:", gap.Errors[0].ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "metric": "cpu" }""", "name: is required")]
    [InlineData("""{ "name": "x" }""", "metric: is required (or rule, for a composite alarm)")]
    [InlineData("""{ "name": "x", "metric": "cpu", "rule": "TRUE" }""", "rule: an alarm has either a rule (composite) or a metric, not both")]
    [InlineData("""{ "name": "x", "rule": "TRUE", "threshold": 5 }""", "threshold: is for metric alarms only (this alarm has a rule)")]
    [InlineData("""{ "name": "x", "rule": "ALARM(x)" }""", "rule: column 7: a composite alarm cannot watch itself")]
    [InlineData("""{ "name": "x", "rule": "TRUE", "actionsSuppressor": { "alarm": "x" } }""", "actionsSuppressor.alarm: an alarm cannot suppress itself")]
    [InlineData("""{ "name": "x", "metric": "cpu", "periodSeconds": 3600, "evaluationPeriods": 25, "threshold": 1, "comparison": "GreaterThanThreshold" }""", "evaluationPeriods: evaluationPeriods × periodSeconds must be at most one day")]
    [InlineData("""{ "name": "x", "metric": "cpu", "periodSeconds": 60, "evaluationPeriods": 1, "comparison": "GreaterThanUpperThreshold" }""", "band: is required with GreaterThanUpperThreshold")]
    [InlineData("""{ "name": "x", "metric": "cpu", "periodSeconds": 60, "evaluationPeriods": 1, "comparison": "GreaterThanUpperThreshold", "band": "ANOMALY_DETECTION_BAND(mem, 2)" }""", "band: watches mem, but the alarm's metric is cpu")]
    [InlineData("""{ "name": "x", "metric": "cpu", "periodSeconds": 60, "evaluationPeriods": 1, "comparison": "GreaterThanUpperThreshold", "band": "ANOMALY_DETECTION_BAND(cpu, 0)" }""", "band: the band width k must be a number above 0")]
    [InlineData("""{ "name": "x", "metric": "cpu", "periodSeconds": 60, "evaluationPeriods": 1, "threshold": 1, "comparison": "GreaterThanThreshold", "band": "ANOMALY_DETECTION_BAND(cpu, 2)" }""", "band: needs a band comparison")]
    [InlineData("""{ "name": "x", "metric": "cpu", "periodSeconds": 60, "evaluationPeriods": 1, "threshold": 1, "comparison": "GreaterThanThreshold", "alarmActions": [ { "kind": "page" } ] }""", "alarmActions[0].kind: must be one of notify, scale, restart")]
    [InlineData("""{ "name": "x", "metric": "cpu", "periodSeconds": 60, "evaluationPeriods": 1, "threshold": 1, "comparison": "GreaterThanThreshold", "alarmActions": [ { "kind": "restart" } ] }""", "alarmActions[0].target: is required (the alarm has no target)")]
    [InlineData("""{ "name": "x", "target": "t", "metric": "cpu", "periodSeconds": 60, "evaluationPeriods": 1, "threshold": 1, "comparison": "GreaterThanThreshold", "alarmActions": [ { "kind": "scale" } ] }""", "alarmActions[0].policy: give exactly one of policy")]
    [InlineData("""{ "name": "x", "target": "t", "metric": "cpu", "periodSeconds": 60, "evaluationPeriods": 1, "threshold": 1, "comparison": "GreaterThanThreshold", "okActions": [ { "kind": "notify", "url": "ftp://x" } ] }""", "okActions[0].url: must be an absolute http or https URL")]
    [InlineData("""{ "name": "x", "target": "t", "metric": "cpu", "periodSeconds": 60, "evaluationPeriods": 1, "threshold": 1, "comparison": "GreaterThanThreshold", "okActions": [ { "kind": "notify", "subject": "alerts.>" } ] }""", "okActions[0].subject: must be a NATS subject")]
    [InlineData("""{ "name": "x", "target": "t", "rule": "TRUE", "alarmActions": [ { "kind": "scale", "policy": "steps" } ] }""", "alarmActions[0].policy: a composite alarm has no breaching value")]
    [InlineData("""{ "name": "x", "metric": "cpu", "periodSeconds": 60, "evaluationPeriods": 1, "threshold": 1, "comparison": "GreaterThanThreshold", "escalation": { "afterMinutes": 0 } }""", "escalation.afterMinutes: must be between 1 and 1440")]
    public void Bad_definitions_name_the_field(string json, string message)
    {
        var error = Assert.Throws<ScalingInputException>(() => AlarmDocuments.ReadDefinition(json));

        Assert.Contains(error.Errors, e => e.ToString().StartsWith(message, StringComparison.Ordinal));
    }
}
