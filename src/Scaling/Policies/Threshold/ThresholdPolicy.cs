using Autoscaler.Scaling.Explanations;
using Autoscaler.Scaling.Metrics;
using Autoscaler.Scaling.Validation;

namespace Autoscaler.Scaling.Policies;

/// <summary>
/// Seed 001's threshold rules (`type: "threshold"`): each rule reads one metric's window aggregate and compares it with
/// a scale-up and a scale-down level. Any rule past its scale-up level adds <see cref="ScaleUpBy"/>; only when every
/// rule has data and is past its scale-down level does the policy remove <see cref="ScaleDownBy"/> (a rule without data
/// blocks scale-down, as the evaluate contract requires); otherwise it votes to stay. Confidence is the fraction of
/// rules with data that agree with the move.
/// </summary>
/// <param name="Name">Policy name.</param>
/// <param name="Rules">The rules (seed: `thresholds`).</param>
/// <param name="ScaleUpBy">Instances added per scale-up.</param>
/// <param name="ScaleDownBy">Instances removed per scale-down.</param>
/// <param name="CooldownSeconds">After any scale event of this policy it holds for this long.</param>
/// <param name="EvaluationIntervalSeconds">How often the owner should evaluate the policy (a scheduling hint for grains and the simulator; the engine evaluates whenever asked).</param>
public sealed record ThresholdPolicy(
    string Name, IReadOnlyList<ThresholdRule> Rules, int ScaleUpBy, int ScaleDownBy, int CooldownSeconds, int EvaluationIntervalSeconds)
    : ScalingPolicy(Name)
{
    /// <summary>The document type name.</summary>
    public const string TypeName = "threshold";

    /// <inheritdoc />
    public override string Type => TypeName;

    /// <inheritdoc />
    public override int EventRetentionSeconds => CooldownSeconds;

    /// <inheritdoc />
    public override IReadOnlyList<string> Metrics => [.. Rules.Select(r => r.Metric).Distinct(StringComparer.Ordinal)];

    /// <inheritdoc />
    public override double? TargetLevel =>
        Rules.Count == 1 && Rules[0].Comparison == ThresholdComparison.GreaterThan ? Rules[0].ScaleUp : null;

    /// <inheritdoc />
    public override void Validate(string path, ICollection<ValidationError> errors)
    {
        if (Rules.Count == 0)
        {
            errors.Add(new ValidationError(FieldPath.Field(path, "thresholds"), "must have at least one rule"));
        }

        for (var i = 0; i < Rules.Count; i++)
        {
            var rule = Rules[i];
            var rulePath = FieldPath.Item(FieldPath.Field(path, "thresholds"), i);
            var ordered = rule.Comparison == ThresholdComparison.LessThan ? rule.ScaleDown > rule.ScaleUp : rule.ScaleDown < rule.ScaleUp;
            if (!ordered)
            {
                var side = rule.Comparison == ThresholdComparison.LessThan ? "above" : "below";
                errors.Add(new ValidationError(
                    FieldPath.Field(rulePath, "scaleDown"),
                    $"must be {side} scaleUp ({PolicyText.Number(rule.ScaleUp)}) for {ThresholdComparisonNames.Name(rule.Comparison)}"));
            }
        }
    }

    /// <inheritdoc />
    public override Proposal Propose(PolicyContext context, ExplanationWriter explanation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(explanation);

        // Hot path (every evaluation of every target): one pass over the rules, the explanation formatted into the writer.
        var current = context.Target.Current;
        var withData = 0;
        var up = 0;
        var down = 0;
        var firstUp = -1;
        double? shownValue = null;
        explanation.Append($"{Name}: ");
        for (var i = 0; i < Rules.Count; i++)
        {
            var rule = Rules[i];
            if (i > 0)
            {
                explanation.Append(", ");
            }

            if (rule.Read(context) is not { } value)
            {
                explanation.Append($"{rule.Metric} has no data");
                continue;
            }

            withData++;
            shownValue ??= value;
            var wantsUp = rule.WantsUp(value);
            up += wantsUp ? 1 : 0;
            down += rule.WantsDown(value) ? 1 : 0;
            if (wantsUp && firstUp < 0)
            {
                firstUp = i;
                shownValue = value;
            }

            Describe(explanation, rule, value);
        }

        if (withData == 0)
        {
            return Proposal.NoData(this);
        }

        int desired;
        double confidence;
        if (up > 0)
        {
            desired = current + ScaleUpBy;
            explanation.Append($"; {up} of {withData} rules past scale-up, +{ScaleUpBy}");
            confidence = (double)up / withData;
        }
        else if (down == Rules.Count)
        {
            desired = Math.Max(0, current - ScaleDownBy);
            explanation.Append($"; every rule past scale-down, -{ScaleDownBy}");
            confidence = 1;
        }
        else
        {
            desired = current;
            explanation.Append(withData < Rules.Count ? "; no rule past scale-up; a rule without data blocks scale-down" : "; within levels");
            confidence = 1 - ((double)down / Rules.Count);
        }

        if (desired != current && PolicyCooldown.Running(context, Name, CooldownSeconds) is { } last)
        {
            return PolicyCooldown.Hold(this, context, desired, last, CooldownSeconds, explanation) with { MetricValue = shownValue };
        }

        explanation.Append($" -> {desired}");
        return Proposal.Vote(this, desired) with
        {
            MetricValue = shownValue,
            StepIndex = firstUp >= 0 ? firstUp : null,
            Confidence = confidence,
        };
    }

    private static void Describe(ExplanationWriter text, ThresholdRule rule, double value)
    {
        text.Append($"{rule.Metric} {AggregationNames.Name(rule.Aggregation)} over {rule.WindowSeconds}");
        if (rule.Comparison == ThresholdComparison.PercentageChange)
        {
            text.Append($" s changed {value:0.##}% (up > {rule.ScaleUp:0.##}%, down < {rule.ScaleDown:0.##}%)");
            return;
        }

        var lessThan = rule.Comparison == ThresholdComparison.LessThan;
        text.Append($" s = {value:0.##}");
        text.Append(lessThan ? " (up < " : " (up > ");
        text.AppendValue(rule.ScaleUp, "0.##");
        text.Append(lessThan ? ", down > " : ", down < ");
        text.AppendValue(rule.ScaleDown, "0.##");
        text.Append(")");
    }
}
