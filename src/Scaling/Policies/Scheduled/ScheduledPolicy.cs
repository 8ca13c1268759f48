using Autoscaler.Scaling.Explanations;
using Autoscaler.Scaling.Validation;

namespace Autoscaler.Scaling.Policies;

/// <summary>
/// Scheduled scaling with AWS Application Auto Scaling semantics (`type: "scheduled"`): of all actions, the one whose
/// most recent occurrence (at or before now, within its start/end time) is latest is in effect, and its min/max
/// override the target's bounds from then on; nothing reverts at an end time (the next action that fires sets new
/// bounds). The engine clamps to the bounds, so a capacity outside them moves to the nearest new bound. Ties between
/// actions firing at the same instant go to the later one in the document. An optional <c>desiredCapacity</c> (seed 000,
/// like EC2 Auto Scaling) is set once: the policy votes for it from the occurrence until a scale event credited to this
/// policy happens at or after the occurrence, for at most <see cref="DesiredWindowSeconds"/>; afterwards dynamic
/// policies are free within the bounds. With no action fired yet the policy is inactive.
/// </summary>
/// <param name="Name">Policy name.</param>
/// <param name="Actions">The actions, in document order.</param>
/// <param name="DesiredWindowSeconds">How long after its occurrence an action's desired capacity is still pursued.</param>
public sealed record ScheduledPolicy(string Name, IReadOnlyList<ScheduledAction> Actions, int DesiredWindowSeconds) : ScalingPolicy(Name)
{
    /// <summary>The document type name.</summary>
    public const string TypeName = "scheduled";

    /// <inheritdoc />
    public override string Type => TypeName;

    /// <inheritdoc />
    public override int EventRetentionSeconds => DesiredWindowSeconds;

    /// <inheritdoc />
    public override bool IsScheduled => true;

    /// <inheritdoc />
    public override void Validate(string path, ICollection<ValidationError> errors)
    {
        if (Actions.Count == 0)
        {
            errors.Add(new ValidationError(FieldPath.Field(path, "actions"), "must have at least one action"));
        }

        for (var i = 0; i < Actions.Count; i++)
        {
            var action = Actions[i];
            var actionPath = FieldPath.Item(FieldPath.Field(path, "actions"), i);
            if (action.MinCapacity is null && action.MaxCapacity is null && action.DesiredCapacity is null)
            {
                errors.Add(new ValidationError(actionPath, "needs at least one of minCapacity, maxCapacity, desiredCapacity"));
            }

            if (action.MinCapacity is { } min && action.MaxCapacity is { } max && min > max)
            {
                errors.Add(new ValidationError(FieldPath.Field(actionPath, "minCapacity"), $"must not exceed maxCapacity ({max})"));
            }

            if (action.DesiredCapacity is { } desired
                && ((action.MinCapacity is { } low && desired < low) || (action.MaxCapacity is { } high && desired > high)))
            {
                errors.Add(new ValidationError(FieldPath.Field(actionPath, "desiredCapacity"), "must lie within minCapacity..maxCapacity"));
            }

            for (var j = 0; j < i; j++)
            {
                if (string.Equals(Actions[j].Name, action.Name, StringComparison.Ordinal))
                {
                    errors.Add(new ValidationError(FieldPath.Field(actionPath, "name"), $"duplicate action name \"{action.Name}\""));
                }
            }
        }
    }

    /// <inheritdoc />
    public override Proposal Propose(PolicyContext context, ExplanationWriter explanation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(explanation);
        ScheduledAction? active = null;
        DateTimeOffset firedAt = default;
        for (var i = 0; i < Actions.Count; i++)
        {
            var action = Actions[i];
            if (action.Schedule.Previous(context.Now) is { } at && (active is null || at >= firedAt))
            {
                active = action;
                firedAt = at;
            }
        }

        explanation.Append($"{Name}: ");
        if (active is null)
        {
            explanation.Append("no action has fired yet");
            DescribeNext(context, explanation);
            return Proposal.NoVote(this, ProposalStatus.Inactive);
        }

        var bounds = new CapacityBounds(active.MinCapacity, active.MaxCapacity);
        explanation.Append($"action {active.Name} ({active.Schedule.Expression}) fired at ");
        explanation.AppendValue(firedAt.UtcDateTime, PolicyText.TimeFormat);
        explanation.Append(": min ");
        DescribeBound(explanation, active.MinCapacity);
        explanation.Append(", max ");
        DescribeBound(explanation, active.MaxCapacity);
        if (active.DesiredCapacity is { } desired && DesiredPending(context, firedAt) && desired != context.Target.Current)
        {
            explanation.Append($", desired {desired} -> {desired}");
            return Proposal.Vote(this, desired) with { Bounds = bounds };
        }

        DescribeNext(context, explanation);
        return Proposal.NoVote(this, ProposalStatus.Inactive) with { Bounds = bounds };
    }

    private bool DesiredPending(PolicyContext context, DateTimeOffset firedAt)
    {
        if ((context.Now - firedAt).TotalSeconds >= DesiredWindowSeconds)
        {
            return false;
        }

        var events = context.History.ScaleEvents;
        for (var i = 0; i < events.Count; i++)
        {
            var scaleEvent = events[i];
            if (scaleEvent.At >= firedAt && string.Equals(scaleEvent.Policy, Name, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private void DescribeNext(PolicyContext context, ExplanationWriter explanation)
    {
        ScheduledAction? next = null;
        DateTimeOffset nextAt = default;
        for (var i = 0; i < Actions.Count; i++)
        {
            var action = Actions[i];
            if (action.Schedule.Next(context.Now) is { } at && (next is null || at < nextAt))
            {
                next = action;
                nextAt = at;
            }
        }

        if (next is not null)
        {
            explanation.Append($"; next: {next.Name} at ");
            explanation.AppendValue(nextAt.UtcDateTime, PolicyText.TimeFormat);
        }
    }

    private static void DescribeBound(ExplanationWriter explanation, int? bound)
    {
        if (bound is { } value)
        {
            explanation.AppendValue(value);
        }
        else
        {
            explanation.Append("unchanged");
        }
    }
}
