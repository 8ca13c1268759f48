using Autoscaler.Scaling.Explanations;
using Autoscaler.Scaling.Metrics;
using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Validation;

namespace Autoscaler.Scaling.Policies;

/// <summary>AWS Application Auto Scaling step scaling: the step matching metric - threshold adjusts capacity.</summary>
/// <param name="Name">Policy name.</param>
/// <param name="Metric">The metric compared.</param>
/// <param name="Threshold">The alarm threshold step bounds are relative to.</param>
/// <param name="AdjustmentType">How adjustments apply.</param>
/// <param name="Steps">The steps; no overlaps, no gaps.</param>
public sealed record StepScalingPolicy(
    string Name, string Metric, double Threshold, AdjustmentType AdjustmentType, IReadOnlyList<StepAdjustment> Steps)
    : ScalingPolicy(Name)
{
    /// <summary>The kind's document name.</summary>
    public const string TypeName = "stepScaling";

    /// <inheritdoc />
    public override string Type => TypeName;

    /// <summary>For PercentChangeInCapacity: the smallest change applied.</summary>
    public int? MinAdjustmentMagnitude { get; init; }

    /// <summary>AWS cooldown (default 300 s).</summary>
    public int CooldownSeconds { get; init; } = 300;

    /// <summary>How samples reduce to one value: over the <see cref="PeriodSeconds"/> window, or across instances.</summary>
    public MetricAggregationType MetricAggregationType { get; init; } = MetricAggregationType.Average;

    /// <summary>The window over which samples are aggregated, when the metric has samples (default 60 s).</summary>
    public int PeriodSeconds { get; init; } = 60;

    /// <inheritdoc />
    public override IReadOnlyList<string> Metrics => [Metric];

    /// <inheritdoc />
    public override double? TargetLevel => Threshold;

    /// <inheritdoc />
    public override int EventRetentionSeconds => CooldownSeconds;

    /// <inheritdoc />
    public override void Validate(string path, ICollection<ValidationError> errors) =>
        StepValidation.Validate(this, path, errors);

    /// <inheritdoc />
    public override Proposal Propose(PolicyContext context, ExplanationWriter explanation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(explanation);
        explanation.Append($"{Name}: ");
        if (!context.TryGetReading(Metric, out var reading) || MetricValue(context, reading) is not { } value)
        {
            explanation.Append($"metric {Metric} has no sample");
            return Proposal.NoData(this);
        }

        var difference = value - Threshold;
        var side = difference >= 0 ? "above" : "below";
        explanation.Append($"{Metric} {value:0.##} is {Math.Abs(difference):0.##} {side} threshold {Threshold:0.##}");
        var index = MatchingStep(difference);
        if (index < 0)
        {
            explanation.Append("; no step matches");
            return Proposal.NoVote(this, ProposalStatus.NoMatchingStep) with { MetricValue = value };
        }

        var current = context.Target.Current;
        explanation.Append($" -> step {index + 1} (");
        var desired = Apply(Steps[index].Adjustment, current, explanation);
        explanation.Append(")");
        var proposal = Proposal.Vote(this, desired) with { MetricValue = value, StepIndex = index };
        if (desired > current)
        {
            return WithScaleOutCooldown(context, proposal, desired, current, explanation);
        }

        if (desired < current)
        {
            var activity = context.ActivityOf(Name, CooldownSeconds);
            if (Latest(activity.LastScaleIn, activity.LastScaleOut) is { } at)
            {
                var ago = (context.Now - at).TotalSeconds;
                explanation.Append($"; this policy scaled {ago:0.##} s ago, within its {CooldownSeconds} s cooldown -> {current}");
                return proposal with { Status = ProposalStatus.BlockedByCooldown, Desired = current };
            }
        }

        explanation.Append($" -> {desired}");
        return proposal;
    }

    private Proposal WithScaleOutCooldown(PolicyContext context, Proposal proposal, int desired, int current, ExplanationWriter explanation)
    {
        var activity = context.ActivityOf(Name, CooldownSeconds);
        if (AdjustmentType == AdjustmentType.ExactCapacity || activity.Added == 0)
        {
            explanation.Append($" -> {desired}");
            return proposal;
        }

        // AWS: during the scale-out cooldown, what this policy already added counts toward its next scale-out.
        var still = Math.Max(0, desired - current - activity.Added);
        var ago = (context.Now - activity.LastScaleOut!.Value).TotalSeconds;
        var reduced = current + still;
        explanation.Append(
            $"; {activity.Added} added by this policy {ago:0.##} s ago within its {CooldownSeconds} s cooldown count toward it -> {reduced}");
        return proposal with { Desired = reduced };
    }

    private int Apply(int adjustment, int current, ExplanationWriter how)
    {
        switch (AdjustmentType)
        {
            case AdjustmentType.ExactCapacity:
                how.Append($"exactly {adjustment}");
                return Math.Max(0, adjustment);
            case AdjustmentType.ChangeInCapacity:
                how.Append($"{adjustment:+0;-0;0}");
                return ClampToZero((long)current + adjustment);
            default:
                var raw = current * adjustment / 100.0;
                var change = (long)Math.Truncate(raw);
                if (adjustment != 0 && Math.Abs(change) < 1)
                {
                    change = Math.Sign(adjustment);
                }

                if (MinAdjustmentMagnitude is { } minimum && Math.Abs(change) < minimum && adjustment != 0)
                {
                    change = Math.Sign(adjustment) * minimum;
                }

                var sign = adjustment >= 0 ? "+" : "-";
                how.Append($"{sign}{Math.Abs((double)adjustment):0.##}% of {current} = {Math.Abs(raw):0.##} -> {Math.Abs(change)}");
                return ClampToZero(current + change);
        }
    }

    private int MatchingStep(double difference)
    {
        for (var i = 0; i < Steps.Count; i++)
        {
            if (Steps[i].Contains(difference))
            {
                return i;
            }
        }

        return -1;
    }

    private double? MetricValue(PolicyContext context, MetricReading reading)
    {
        if (reading.Samples is { Count: > 0 })
        {
            var aggregation = MetricAggregationType switch
            {
                MetricAggregationType.Minimum => Aggregation.Min,
                MetricAggregationType.Maximum => Aggregation.Max,
                _ => Aggregation.Avg,
            };
            var result = context.Query.Aggregate(Metric, aggregation, TimeSpan.FromSeconds(PeriodSeconds), context.Now);
            if (result.HasData)
            {
                return result.Value;
            }
        }

        if (reading.Instances is { Count: > 0 } instances)
        {
            return AcrossInstances(instances);
        }

        return reading.Value ?? (reading.Samples is { Count: > 0 } samples ? samples[^1].Value : null);
    }

    private double? AcrossInstances(IReadOnlyList<InstanceSample> instances)
    {
        double? result = null;
        var sum = 0.0;
        var count = 0;
        for (var i = 0; i < instances.Count; i++)
        {
            if (instances[i].Value is not { } value)
            {
                continue;
            }

            sum += value;
            count++;
            result = MetricAggregationType switch
            {
                MetricAggregationType.Minimum => Math.Min(result ?? value, value),
                MetricAggregationType.Maximum => Math.Max(result ?? value, value),
                _ => sum / count,
            };
        }

        return result;
    }

    private static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is { } x && b is { } y ? (x > y ? x : y) : a ?? b;

    private static int ClampToZero(long value) => value <= 0 ? 0 : value >= int.MaxValue ? int.MaxValue : (int)value;
}
