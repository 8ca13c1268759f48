using Autoscaler.Scaling.Explanations;
using Autoscaler.Scaling.Validation;

namespace Autoscaler.Scaling.Policies;

/// <summary>
/// Keeps a metric at a target with Kubernetes' replica math (<see cref="ReplicaCalculator"/>) and AWS target-tracking
/// options: <see cref="DisableScaleIn"/> and per-direction cooldowns.
/// </summary>
/// <param name="Name">Policy name.</param>
/// <param name="Metric">The metric tracked.</param>
/// <param name="Target">Target type and value.</param>
public sealed record TargetTrackingPolicy(string Name, string Metric, MetricTarget Target) : ScalingPolicy(Name)
{
    /// <summary>The kind's document name.</summary>
    public const string TypeName = "targetTracking";

    /// <inheritdoc />
    public override string Type => TypeName;

    /// <summary>Ratio band around 1 that means no change (Kubernetes default 0.1).</summary>
    public double Tolerance { get; init; } = Policies.Tolerance.Default;

    /// <summary>When true the policy never votes below current (AWS <c>DisableScaleIn</c>).</summary>
    public bool DisableScaleIn { get; init; }

    /// <summary>After this policy scaled out, its scale-in waits this long (a scale-in right after a scale-out is a flap).</summary>
    public int ScaleOutCooldownSeconds { get; init; }

    /// <summary>After this policy scaled in, its next scale-in waits this long (AWS <c>ScaleInCooldown</c>).</summary>
    public int ScaleInCooldownSeconds { get; init; }

    /// <inheritdoc />
    public override IReadOnlyList<string> Metrics => [Metric];

    /// <inheritdoc />
    public override double? TargetLevel => Target.Value;

    /// <inheritdoc />
    public override int EventRetentionSeconds => Math.Max(ScaleOutCooldownSeconds, ScaleInCooldownSeconds);

    /// <inheritdoc />
    public override void Validate(string path, ICollection<ValidationError> errors)
    {
        if (Target.Value <= 0)
        {
            errors.Add(new ValidationError(FieldPath.Field(FieldPath.Field(path, "target"), "value"), "must be positive"));
        }

        if (Tolerance is < 0 or >= 1)
        {
            errors.Add(new ValidationError(FieldPath.Field(path, "tolerance"), "must be at least 0 and below 1"));
        }
    }

    /// <inheritdoc />
    public override Proposal Propose(PolicyContext context, ExplanationWriter explanation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(explanation);
        explanation.Append($"{Name}: ");
        if (!context.TryGetReading(Metric, out var reading))
        {
            explanation.Append($"metric {Metric} is absent");
            return Proposal.NoData(this);
        }

        var current = context.Target.Current;
        var estimate = ReplicaCalculator.Estimate(reading, Target, Tolerance, current, explanation);
        if (estimate.Replicas is not { } replicas)
        {
            return Proposal.NoData(this) with { MetricValue = estimate.MetricValue };
        }

        var proposal = Proposal.Vote(this, replicas) with { MetricValue = estimate.MetricValue, Ratio = estimate.Ratio };
        if (replicas >= current)
        {
            return proposal;
        }

        if (DisableScaleIn)
        {
            explanation.Append($"; scale-in disabled -> {current}");
            return proposal with { Desired = current, MayScaleIn = false };
        }

        return ExplainCooldownHoldingScaleIn(context, explanation)
            ? proposal with { Status = ProposalStatus.BlockedByCooldown, Desired = current }
            : proposal;
    }

    private bool ExplainCooldownHoldingScaleIn(PolicyContext context, ExplanationWriter explanation)
    {
        var current = context.Target.Current;
        if (ScaleInCooldownSeconds > 0 && context.ActivityOf(Name, ScaleInCooldownSeconds).LastScaleIn is { } lastIn)
        {
            var ago = (context.Now - lastIn).TotalSeconds;
            explanation.Append($"; scaled in {ago:0.##} s ago, within its {ScaleInCooldownSeconds} s scale-in cooldown -> {current}");
            return true;
        }

        if (ScaleOutCooldownSeconds > 0 && context.ActivityOf(Name, ScaleOutCooldownSeconds).LastScaleOut is { } lastOut)
        {
            var ago = (context.Now - lastOut).TotalSeconds;
            explanation.Append($"; scaled out {ago:0.##} s ago, within its {ScaleOutCooldownSeconds} s scale-out cooldown -> {current}");
            return true;
        }

        return false;
    }
}
