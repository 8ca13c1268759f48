using System.Globalization;
using System.Runtime.CompilerServices;
using Autoscaler.Scaling.Validation;
using Autoscaler.Scaling.Windows;

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
    public override PolicyProposal Propose(PolicyContext context)
    {
        // Hot path (every evaluation of every target): one pass over the rules, the explanation written into one
        // stack-buffered handler, one proposal object.
        var current = context.Target.Current;
        var withData = 0;
        var up = 0;
        var down = 0;
        var firstUp = -1;
        double? shownValue = null;
        var text = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[256]);
        text.AppendLiteral(Name);
        text.AppendLiteral(": ");
        for (var i = 0; i < Rules.Count; i++)
        {
            var rule = Rules[i];
            if (i > 0)
            {
                text.AppendLiteral(", ");
            }

            if (rule.Read(context) is not { } value)
            {
                text.AppendLiteral(rule.Metric);
                text.AppendLiteral(" has no data");
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

            Describe(ref text, rule, value);
        }

        if (withData == 0)
        {
            return PolicyProposal.NoData(this, text.ToStringAndClear());
        }

        int desired;
        double confidence;
        text.AppendLiteral("; ");
        if (up > 0)
        {
            desired = current + ScaleUpBy;
            text.AppendFormatted(up);
            text.AppendLiteral(" of ");
            text.AppendFormatted(withData);
            text.AppendLiteral(" rules past scale-up, +");
            text.AppendFormatted(ScaleUpBy);
            confidence = (double)up / withData;
        }
        else if (down == Rules.Count)
        {
            desired = Math.Max(0, current - ScaleDownBy);
            text.AppendLiteral("every rule past scale-down, -");
            text.AppendFormatted(ScaleDownBy);
            confidence = 1;
        }
        else
        {
            desired = current;
            text.AppendLiteral(withData < Rules.Count ? "no rule past scale-up; a rule without data blocks scale-down" : "within levels");
            confidence = 1 - ((double)down / Rules.Count);
        }

        if (desired != current && PolicyCooldown.Running(context, Name, CooldownSeconds) is { } last)
        {
            var reading = text.ToStringAndClear();
            return PolicyCooldown.Hold(this, context, desired, last, CooldownSeconds, reading[(Name.Length + 2)..]) with { MetricValue = shownValue };
        }

        text.AppendLiteral(" -> ");
        text.AppendFormatted(desired);
        return new PolicyProposal(Name, Type, ProposalStatus.Vote, desired, text.ToStringAndClear())
        {
            MetricValue = shownValue,
            StepIndex = firstUp >= 0 ? firstUp : null,
            Confidence = confidence,
        };
    }

    private static void Describe(ref DefaultInterpolatedStringHandler text, ThresholdRule rule, double value)
    {
        text.AppendLiteral(rule.Metric);
        text.AppendLiteral(" ");
        text.AppendLiteral(AggregationNames.Name(rule.Aggregation));
        text.AppendLiteral(" over ");
        text.AppendFormatted(rule.WindowSeconds);
        if (rule.Comparison == ThresholdComparison.PercentageChange)
        {
            text.AppendLiteral(" s changed ");
            text.AppendFormatted(value, "0.##");
            text.AppendLiteral("% (up > ");
            text.AppendFormatted(rule.ScaleUp, "0.##");
            text.AppendLiteral("%, down < ");
            text.AppendFormatted(rule.ScaleDown, "0.##");
            text.AppendLiteral("%)");
            return;
        }

        var lessThan = rule.Comparison == ThresholdComparison.LessThan;
        text.AppendLiteral(" s = ");
        text.AppendFormatted(value, "0.##");
        text.AppendLiteral(lessThan ? " (up < " : " (up > ");
        text.AppendFormatted(rule.ScaleUp, "0.##");
        text.AppendLiteral(lessThan ? ", down > " : ", down < ");
        text.AppendFormatted(rule.ScaleDown, "0.##");
        text.AppendLiteral(")");
    }
}
