using System.Globalization;
using System.Runtime.CompilerServices;
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
    public override PolicyProposal Propose(PolicyContext context)
    {
        // Hot path: the explanation goes into one stack-buffered handler; one proposal object.
        var current = context.Target.Current;
        var totalWeight = 0.0;
        var weightWithData = 0.0;
        var weighted = 0.0;
        var parts = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[256]);
        for (var i = 0; i < Inputs.Count; i++)
        {
            var input = Inputs[i];
            totalWeight += input.Weight;
            if (i > 0)
            {
                parts.AppendLiteral(", ");
            }

            parts.AppendLiteral(input.Metric);
            var value = context.Query.Aggregate(input.Metric, input.Aggregation, TimeSpan.FromSeconds(input.WindowSeconds), context.Now);
            if (!value.HasData)
            {
                parts.AppendLiteral(" no data");
                continue;
            }

            var normalized = input.Normalize(value.Value);
            weightWithData += input.Weight;
            weighted += input.Weight * normalized;
            parts.AppendLiteral(" ");
            parts.AppendFormatted(value.Value, "0.##");
            parts.AppendLiteral("/");
            parts.AppendFormatted(input.NormalizeMax, "0.##");
            parts.AppendLiteral("=");
            parts.AppendFormatted(normalized, "0.##");
            parts.AppendLiteral("×");
            parts.AppendFormatted(input.Weight, "0.##");
        }

        var inputs = parts.ToStringAndClear();
        if (weightWithData == 0)
        {
            return PolicyProposal.NoData(this, $"{Name}: no input has data ({inputs})");
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

        var reading = lowConfidence
            ? string.Create(CultureInfo.InvariantCulture, $"score {score:0.##} from {inputs}; {verdict}, but confidence {confidence:0.##} < {MinConfidence:0.##}")
            : string.Create(CultureInfo.InvariantCulture, $"score {score:0.##} from {inputs}; {verdict}");
        if (desired != current && PolicyCooldown.Running(context, Name, CooldownSeconds) is { } last)
        {
            return PolicyCooldown.Hold(this, context, desired, last, CooldownSeconds, reading) with
            {
                MetricValue = score,
                Confidence = confidence,
            };
        }

        var line = string.Create(CultureInfo.InvariantCulture, $"{Name}: {reading} (confidence {confidence:0.##}) -> {desired}");
        return new PolicyProposal(Name, Type, ProposalStatus.Vote, desired, line)
        {
            MetricValue = score,
            Confidence = confidence,
        };
    }

    private (int Desired, double Severity, string Verdict) Decide(double score, double coverage, int current)
    {
        if (score > ScaleUpThreshold)
        {
            var severity = Math.Min(1, (score - ScaleUpThreshold) / Math.Max(1e-9, 1 - ScaleUpThreshold));
            return (current + ScaleUpBy, severity, $"above {PolicyText.Number(ScaleUpThreshold)}, +{ScaleUpBy}");
        }

        if (score < ScaleDownThreshold)
        {
            var severity = Math.Min(1, (ScaleDownThreshold - score) / Math.Max(1e-9, ScaleDownThreshold));
            return coverage < 1
                ? (current, severity, $"below {PolicyText.Number(ScaleDownThreshold)}, but an input without data blocks scale-down")
                : (Math.Max(0, current - ScaleDownBy), severity, $"below {PolicyText.Number(ScaleDownThreshold)}, -{ScaleDownBy}");
        }

        return (current, 1, $"between {PolicyText.Number(ScaleDownThreshold)} and {PolicyText.Number(ScaleUpThreshold)}");
    }

    private static void CheckFraction(string path, string field, double value, ICollection<ValidationError> errors)
    {
        if (value is < 0 or > 1)
        {
            errors.Add(new ValidationError(FieldPath.Field(path, field), $"must be between 0 and 1, not {PolicyText.Number(value)}"));
        }
    }
}
