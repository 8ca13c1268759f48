using System.Text.RegularExpressions;
using Autoscaler.Alarms.Actions;
using Autoscaler.Alarms.Model;
using Autoscaler.Scaling.Json;
using Autoscaler.Scaling.Policies;
using Autoscaler.Scaling.Validation;

namespace Autoscaler.Alarms.Json;

/// <summary>Reads one action object of an alarm: <c>{ "kind": "notify" | "scale" | "restart", ... }</c>.</summary>
/// <param name="alarm">The alarm read so far (name, target, metric): scale and restart need a target, inline steps
/// the alarm's threshold.</param>
internal sealed partial class AlarmActionReader(AlarmDefinition alarm)
{
    public AlarmAction Read(JsonFields fields)
    {
        var kind = fields.RequiredString("kind");
        return kind switch
        {
            "notify" => Notify(fields),
            "scale" => Scale(fields),
            "restart" => new RestartAction(Cooldown(fields, RestartAction.DefaultCooldownSeconds), Target(fields), fields.OptionalBool("dryRun") ?? false),
            _ => throw fields.Error("kind", $"must be one of notify, scale, restart, not \"{kind}\""),
        };
    }

    private static NotifyAction Notify(JsonFields fields)
    {
        var cooldown = Cooldown(fields, NotifyAction.DefaultCooldownSeconds);
        var channel = fields.OptionalString("channel");
        var url = fields.OptionalString("url");
        var subject = fields.OptionalString("subject");
        var formatText = fields.OptionalString("format");
        if (new[] { channel, url, subject }.Count(d => d is not null) > 1)
        {
            throw fields.Error(channel is not null ? "url" : "subject", "give at most one of channel, url, subject");
        }

        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            throw fields.Error("url", $"must be an absolute http or https URL, not \"{url}\"");
        }

        if (subject is not null && !SubjectPattern().IsMatch(subject))
        {
            throw fields.Error("subject", "must be a NATS subject of dot-separated tokens of letters, digits, '-' or '_' (no wildcards)");
        }

        var format = NotifyFormat.Signed;
        if (formatText is not null)
        {
            if (url is null)
            {
                throw fields.Error("format", "is for url notifications only");
            }

            format = formatText switch
            {
                "signed" => NotifyFormat.Signed,
                "slack" => NotifyFormat.Slack,
                "teams" => NotifyFormat.Teams,
                _ => throw fields.Error("format", $"must be one of signed, slack, teams, not \"{formatText}\""),
            };
        }

        return new NotifyAction(cooldown, channel, url, format, subject);
    }

    private ScaleAction Scale(JsonFields fields)
    {
        var cooldown = Cooldown(fields, ScaleAction.DefaultCooldownSeconds);
        var target = Target(fields);
        var policy = fields.OptionalString("policy");
        var adjustment = fields.OptionalInt("adjustment", -10_000, 10_000);
        var max = fields.OptionalInt("max", 0, 1_000_000);
        var steps = fields.Has("steps") ? Steps(fields) : null;
        var ways = (policy is null ? 0 : 1) + (steps is null ? 0 : 1) + (adjustment is null ? 0 : 1);
        if (ways != 1)
        {
            throw fields.Error("policy", "give exactly one of policy (a step-scaling policy of the target), steps (the action's own) or adjustment (a fixed change)");
        }

        if (max is not null && adjustment is null)
        {
            throw fields.Error("max", "caps a fixed adjustment only");
        }

        if (adjustment == 0)
        {
            throw fields.Error("adjustment", "must not be 0");
        }

        if (alarm.IsComposite && adjustment is null)
        {
            throw fields.Error(policy is not null ? "policy" : "steps", "a composite alarm has no breaching value: use a fixed adjustment");
        }

        return new ScaleAction(cooldown, target, policy, steps, adjustment, max);
    }

    private StepScalingPolicy Steps(JsonFields fields)
    {
        if (alarm.Metric is not { BandWidth: null } metric)
        {
            throw fields.Error("steps", "inline steps are relative to a static threshold: only for metric alarms with a threshold");
        }

        var policy = new StepScalingPolicy(
            $"alarm-{alarm.Name}",
            metric.Metric,
            metric.Rule.Threshold,
            fields.RequiredEnum<AdjustmentType>("adjustmentType"),
            fields.RequiredArray("steps", s => new StepAdjustment(s.OptionalNumber("lower"), s.OptionalNumber("upper"), s.RequiredInt("adjustment", -1_000_000, 1_000_000))))
        {
            MinAdjustmentMagnitude = fields.OptionalInt("minAdjustmentMagnitude", 1),
            CooldownSeconds = 0,
        };
        var problems = new List<ValidationError>();
        policy.Validate(fields.Path, problems);
        return problems.Count == 0 ? policy : throw new ScalingInputException(problems);
    }

    private string Target(JsonFields fields)
    {
        var target = fields.OptionalString("target");
        if (target is not null && !AlarmNames.IsValid(target))
        {
            throw fields.Error("target", AlarmNames.Rule);
        }

        return target ?? alarm.Target ?? throw fields.Error("target", "is required (the alarm has no target)");
    }

    private static int Cooldown(JsonFields fields, int defaultSeconds) => fields.OptionalInt("cooldownSeconds", 0, 86_400) ?? defaultSeconds;

    [GeneratedRegex("^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SubjectPattern();
}
