using Autoscaler.Alarms.Actions;
using Autoscaler.Alarms.Composite;
using Autoscaler.Alarms.Evaluation;
using Autoscaler.Alarms.Model;
using Autoscaler.Alarms.Suppression;
using Autoscaler.Scaling.Json;
using Autoscaler.Scaling.Validation;

namespace Autoscaler.Alarms.Json;

/// <summary>
/// Reads one alarm object (docs/contracts/alarms.md): a metric alarm (<c>metric</c>, <c>statistic</c>,
/// <c>periodSeconds</c>, <c>evaluationPeriods</c>, <c>datapointsToAlarm</c>, <c>threshold</c> or <c>band</c>,
/// <c>comparison</c>, <c>treatMissingData</c>) or a composite one (<c>rule</c>, <c>actionsSuppressor</c>), with
/// <c>severity</c>, <c>target</c>, actions and escalation. Every problem is reported, each naming its field.
/// </summary>
public static class AlarmReader
{
    private static readonly string[] MetricFields =
        ["statistic", "periodSeconds", "evaluationPeriods", "datapointsToAlarm", "threshold", "band", "comparison", "treatMissingData"];

    /// <summary>Reads an alarm; <paramref name="requireName"/> false lets an offline evaluation leave the name out.</summary>
    public static AlarmDefinition Read(JsonFields fields, bool requireName = true)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var errors = new ErrorCollector();
        string name = "alarm";
        errors.Try(() =>
        {
            name = requireName ? fields.RequiredString("name") : fields.OptionalString("name") ?? "alarm";
            if (!AlarmNames.IsValid(name))
            {
                throw fields.Error("name", AlarmNames.Rule);
            }
        });

        var definition = new AlarmDefinition(name);
        errors.Try(() => definition = definition with { Description = fields.OptionalString("description") });
        errors.Try(() => definition = definition with { Target = Id(fields, "target") });
        errors.Try(() => definition = definition with { Severity = fields.OptionalEnum<AlarmSeverity>("severity") ?? AlarmSeverity.Warning });
        errors.Try(() => definition = definition with { ActionsEnabled = fields.OptionalBool("actionsEnabled") ?? true });

        string? rule = null;
        string? metric = null;
        errors.Try(() => rule = fields.OptionalString("rule"));
        errors.Try(() => metric = fields.OptionalString("metric"));
        if (rule is not null && metric is not null)
        {
            errors.Add(fields.PathOf("rule"), "an alarm has either a rule (composite) or a metric, not both");
        }
        else if (rule is not null)
        {
            definition = Composite(fields, definition, rule, errors);
        }
        else if (metric is not null)
        {
            errors.Try(() => definition = definition with { Metric = Metric(fields, metric) });
            errors.Try(() =>
            {
                if (fields.Has("actionsSuppressor"))
                {
                    throw fields.Error("actionsSuppressor", "is for composite alarms only");
                }
            });
        }
        else if (errors.Clean)
        {
            errors.Add(fields.PathOf("metric"), "is required (or rule, for a composite alarm)");
        }

        var actions = new AlarmActionReader(definition);
        errors.Try(() => definition = definition with { AlarmActions = fields.OptionalArray("alarmActions", actions.Read) ?? [] });
        errors.Try(() => definition = definition with { OkActions = fields.OptionalArray("okActions", actions.Read) ?? [] });
        errors.Try(() => definition = definition with
        {
            InsufficientDataActions = fields.OptionalArray("insufficientDataActions", actions.Read) ?? [],
        });
        errors.Try(() => definition = definition with
        {
            Escalation = fields.OptionalObject("escalation", f => new EscalationPolicy(f.RequiredInt("afterMinutes", 1, 1440))),
        });
        errors.Try(fields.Complete);
        errors.ThrowIfAny();
        return definition;
    }

    private static AlarmDefinition Composite(JsonFields fields, AlarmDefinition definition, string text, ErrorCollector errors)
    {
        foreach (var field in MetricFields)
        {
            if (fields.Has(field))
            {
                errors.Add(fields.PathOf(field), "is for metric alarms only (this alarm has a rule)");
            }
        }

        errors.Try(() =>
        {
            var rule = RuleParser.Parse(text, fields.PathOf("rule"));
            if (rule.Alarms.FirstOrDefault(a => a.Name == definition.Name) is { Name: not null } self)
            {
                throw fields.Error("rule", $"column {self.Column}: a composite alarm cannot watch itself");
            }

            definition = definition with { Rule = rule };
        });
        errors.Try(() => definition = definition with
        {
            Suppressor = fields.OptionalObject("actionsSuppressor", f =>
            {
                var alarm = f.RequiredString("alarm");
                if (alarm == definition.Name)
                {
                    throw f.Error("alarm", "an alarm cannot suppress itself");
                }

                return new ActionsSuppressor(
                    alarm,
                    f.OptionalInt("waitPeriodSeconds", 0, 86_400) ?? 60,
                    f.OptionalInt("extensionPeriodSeconds", 0, 86_400) ?? 60);
            }),
        });
        return definition;
    }

    private static MetricSpec Metric(JsonFields fields, string metric)
    {
        var errors = new ErrorCollector();
        var statistic = AlarmStatistic.Average;
        var period = 60;
        var periods = 1;
        int? datapoints = null;
        ComparisonOperator? comparison = null;
        double? threshold = null;
        string? band = null;
        var treatment = MissingDataTreatment.Missing;
        errors.Try(() =>
        {
            if (fields.OptionalString("statistic") is { } text && !AlarmStatistic.TryParse(text, out statistic))
            {
                throw fields.Error("statistic", $"must be Average, Sum, Minimum, Maximum, SampleCount or pNN (0 < NN <= 100), not \"{text}\"");
            }
        });
        var periodRead = errors.Try(() => period = Period(fields));
        var periodsRead = errors.Try(() => periods = fields.RequiredInt("evaluationPeriods", 1, 86_400));
        errors.Try(() => datapoints = fields.OptionalInt("datapointsToAlarm"));
        errors.Try(() => comparison = fields.RequiredEnum<ComparisonOperator>("comparison"));
        errors.Try(() => threshold = fields.OptionalNumber("threshold"));
        errors.Try(() => band = fields.OptionalString("band"));
        errors.Try(() =>
        {
            if (fields.OptionalString("treatMissingData") is { } text)
            {
                treatment = EnumNames.ParseTreatment(text)
                    ?? throw fields.Error("treatMissingData", $"must be one of missing, ignore, breaching, notBreaching, not \"{text}\"");
            }
        });

        if (periodRead && periodsRead && (long)period * periods > 86_400)
        {
            errors.Add(fields.PathOf("evaluationPeriods"), $"evaluationPeriods × periodSeconds must be at most one day (86400 s), not {(long)period * periods} s");
        }

        var m = datapoints ?? periods;
        if (periodsRead && (m < 1 || m > periods))
        {
            errors.Add(fields.PathOf("datapointsToAlarm"), $"must be between 1 and evaluationPeriods ({periods})");
        }

        double? width = null;
        if (comparison is { } op && Comparisons.IsBand(op))
        {
            if (threshold is not null)
            {
                errors.Add(fields.PathOf("threshold"), $"is not used with {op}: the band is the threshold");
            }

            if (band is null)
            {
                errors.Add(fields.PathOf("band"), $"is required with {op} (ANOMALY_DETECTION_BAND({metric}, 2))");
            }
            else if (!BandExpression.TryParse(band, out var bandMetric, out var k, out var problem))
            {
                errors.Add(fields.PathOf("band"), problem!);
            }
            else if (bandMetric != metric)
            {
                errors.Add(fields.PathOf("band"), $"watches {bandMetric}, but the alarm's metric is {metric}");
            }
            else
            {
                width = k;
            }
        }
        else if (comparison is { } staticOp)
        {
            if (band is not null)
            {
                errors.Add(fields.PathOf("band"), $"needs a band comparison (LessThanLowerOrGreaterThanUpperThreshold, GreaterThanUpperThreshold, LessThanLowerThreshold), not {staticOp}");
            }

            if (threshold is null)
            {
                errors.Add(fields.PathOf("threshold"), "is required");
            }
        }

        errors.ThrowIfAny();
        return new MetricSpec(metric, statistic, period, new MetricAlarmRule(comparison!.Value, threshold ?? 0, periods, m, treatment), width);
    }

    private static int Period(JsonFields fields)
    {
        var period = fields.RequiredInt("periodSeconds", 10, 86_400);
        return period is 10 or 20 or 30 || period % 60 == 0
            ? period
            : throw fields.Error("periodSeconds", $"must be 10, 20, 30 or a multiple of 60 (at most 86400), not {period}");
    }

    private static string? Id(JsonFields fields, string name)
    {
        var id = fields.OptionalString(name);
        return id is null || AlarmNames.IsValid(id) ? id : throw fields.Error(name, AlarmNames.Rule);
    }
}
