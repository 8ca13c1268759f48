using Autoscaler.Scaling.Explanations;
using Autoscaler.Scaling.Validation;

namespace Autoscaler.Scaling.Policies;

/// <summary>
/// Seed 004's weighted multi-metric score (`type: "weightedScore"`): each input is normalised (value / normalizeMax,
/// capped to [0, 1]); the score is Σ weight·normalised / Σ weight over the inputs with data. Above
/// <see cref="ScaleUpThreshold"/> the policy adds <see cref="ScaleUpBy"/>; below <see cref="ScaleDownThreshold"/> it
/// removes <see cref="ScaleDownBy"/>, but only when every input has data. Confidence = coverage × (0.5 + 0.5 ×
/// severity), where coverage is the fraction of weight with data and severity how far past the threshold the score is
/// (relative to the room between the threshold and 1, or 0); a move with confidence under <see cref="MinConfidence"/>
/// becomes a vote to stay.
/// </summary>
/// <param name="Name">Policy name.</param>
/// <param name="Inputs">The weighted metrics (document field `metrics`).</param>
/// <param name="ScaleUpThreshold">Score above which to scale up (0..1).</param>
/// <param name="ScaleDownThreshold">Score below which to scale down (0..1).</param>
/// <param name="ScaleUpBy">Instances added per scale-up.</param>
/// <param name="ScaleDownBy">Instances removed per scale-down.</param>
/// <param name="CooldownSeconds">After any scale event of this policy it holds for this long.</param>
/// <param name="MinConfidence">Moves below this confidence are not made.</param>
public sealed record WeightedScorePolicy(
    string Name,
    IReadOnlyList<WeightedMetric> Inputs,
    double ScaleUpThreshold,
    double ScaleDownThreshold,
    int ScaleUpBy,
    int ScaleDownBy,
    int CooldownSeconds,
    double MinConfidence) : ScalingPolicy(Name)
{
    /// <summary>The document type name.</summary>
    public const string TypeName = "weightedScore";

    /// <inheritdoc />
    public override string Type => TypeName;

    /// <inheritdoc />
    public override int EventRetentionSeconds => CooldownSeconds;

    /// <inheritdoc />
    public override IReadOnlyList<string> Metrics => [.. Inputs.Select(i => i.Metric).Distinct(StringComparer.Ordinal)];

    /// <inheritdoc />
    public override void Validate(string path, ICollection<ValidationError> errors)
    {
        if (Inputs.Count == 0)
        {
            errors.Add(new ValidationError(FieldPath.Field(path, "metrics"), "must have at least one metric"));
        }

        for (var i = 0; i < Inputs.Count; i++)
        {
            var itemPath = FieldPath.Item(FieldPath.Field(path, "metrics"), i);
            if (Inputs[i].Weight <= 0)
            {
                errors.Add(new ValidationError(FieldPath.Field(itemPath, "weight"), "must be positive"));
            }

            if (Inputs[i].NormalizeMax <= 0)
            {
                errors.Add(new ValidationError(FieldPath.Field(itemPath, "normalizeMax"), "must be positive"));
            }
        }

        CheckFraction(path, "scaleUpThreshold", ScaleUpThreshold, errors);
        CheckFraction(path, "scaleDownThreshold", ScaleDownThreshold, errors);
        CheckFraction(path, "minConfidence", MinConfidence, errors);
        if (ScaleDownThreshold >= ScaleUpThreshold)
        {
            errors.Add(new ValidationError(
                FieldPath.Field(path, "scaleDownThreshold"), $"must be below scaleUpThreshold ({PolicyText.Number(ScaleUpThreshold)})"));
        }
    }

    /// <inheritdoc />
    public override Proposal Propose(PolicyContext context, ExplanationWriter explanation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(explanation);

        // Hot path: read every input once into a stack buffer, then explain in document order (the score comes first).
        var current = context.Target.Current;
        var totalWeight = 0.0;
        var weightWithData = 0.0;
        var weighted = 0.0;
        Span<double> values = Inputs.Count <= 32 ? stackalloc double[Inputs.Count] : new double[Inputs.Count];
        for (var i = 0; i < Inputs.Count; i++)
        {
            var input = Inputs[i];
            totalWeight += input.Weight;
            var value = context.Query.Aggregate(input.Metric, input.Aggregation, TimeSpan.FromSeconds(input.WindowSeconds), context.Now);
            values[i] = value.HasData ? value.Value : double.NaN;
            if (value.HasData)
            {
                weightWithData += input.Weight;
                weighted += input.Weight * input.Normalize(value.Value);
            }
        }

        explanation.Append($"{Name}: ");
        if (weightWithData == 0)
        {
            explanation.Append("no input has data (");
            DescribeInputs(explanation, values);
            explanation.Append(")");
            return Proposal.NoData(this);
        }

        var score = weighted / weightWithData;
        var coverage = weightWithData / totalWeight;
        var (desired, severity, verdict) = Decide(score, coverage, current);
        var confidence = coverage * (0.5 + (0.5 * severity));
        var lowConfidence = desired != current && confidence < MinConfidence;
        if (lowConfidence)
        {
            desired = current;
        }

        explanation.Append($"score {score:0.##} from ");
        DescribeInputs(explanation, values);
        explanation.Append("; ");
        DescribeVerdict(explanation, verdict);
        if (lowConfidence)
        {
            explanation.Append($", but confidence {confidence:0.##} < {MinConfidence:0.##}");
        }

        if (desired != current && PolicyCooldown.Running(context, Name, CooldownSeconds) is { } last)
        {
            return PolicyCooldown.Hold(this, context, desired, last, CooldownSeconds, explanation) with
            {
                MetricValue = score,
                Confidence = confidence,
            };
        }

        explanation.Append($" (confidence {confidence:0.##}) -> {desired}");
        return Proposal.Vote(this, desired) with { MetricValue = score, Confidence = confidence };
    }

    private void DescribeInputs(ExplanationWriter explanation, ReadOnlySpan<double> values)
    {
        for (var i = 0; i < Inputs.Count; i++)
        {
            var input = Inputs[i];
            explanation.Append(i > 0 ? ", " : string.Empty);
            explanation.Append(input.Metric);
            if (double.IsNaN(values[i]))
            {
                explanation.Append(" no data");
                continue;
            }

            var normalized = input.Normalize(values[i]);
            explanation.Append($" {values[i]:0.##}/{input.NormalizeMax:0.##}={normalized:0.##}×{input.Weight:0.##}");
        }
    }

    private (int Desired, double Severity, ScoreVerdict Verdict) Decide(double score, double coverage, int current)
    {
        if (score > ScaleUpThreshold)
        {
            var severity = Math.Min(1, (score - ScaleUpThreshold) / Math.Max(1e-9, 1 - ScaleUpThreshold));
            return (current + ScaleUpBy, severity, ScoreVerdict.Above);
        }

        if (score < ScaleDownThreshold)
        {
            var severity = Math.Min(1, (ScaleDownThreshold - score) / Math.Max(1e-9, ScaleDownThreshold));
            return coverage < 1
                ? (current, severity, ScoreVerdict.BelowButIncomplete)
                : (Math.Max(0, current - ScaleDownBy), severity, ScoreVerdict.Below);
        }

        return (current, 1, ScoreVerdict.Between);
    }

    private void DescribeVerdict(ExplanationWriter explanation, ScoreVerdict verdict)
    {
        switch (verdict)
        {
            case ScoreVerdict.Above:
                explanation.Append($"above {ScaleUpThreshold:0.##}, +{ScaleUpBy}");
                break;
            case ScoreVerdict.BelowButIncomplete:
                explanation.Append($"below {ScaleDownThreshold:0.##}, but an input without data blocks scale-down");
                break;
            case ScoreVerdict.Below:
                explanation.Append($"below {ScaleDownThreshold:0.##}, -{ScaleDownBy}");
                break;
            default:
                explanation.Append($"between {ScaleDownThreshold:0.##} and {ScaleUpThreshold:0.##}");
                break;
        }
    }

    private static void CheckFraction(string path, string field, double value, ICollection<ValidationError> errors)
    {
        if (value is < 0 or > 1)
        {
            errors.Add(new ValidationError(FieldPath.Field(path, field), $"must be between 0 and 1, not {PolicyText.Number(value)}"));
        }
    }
}
