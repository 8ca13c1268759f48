using Autoscaler.Grains.Interfaces;
using Autoscaler.Ports.Decisions;
using Autoscaler.Scaling.Explanations;
using Autoscaler.Scaling.Json;
using Autoscaler.Scaling.Metrics;
using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Policies;
using Autoscaler.Scaling.Validation;

namespace Autoscaler.Grains.Services.Decisions;

/// <summary>
/// The capacity an alarm's <c>scale</c> action asks for: a fixed adjustment under its cap, or a step-scaling policy run
/// with the alarm's breaching value as its metric value (AWS: the alarm drives the step policy), within the target's
/// bounds. No I/O: the target and time are arguments.
/// </summary>
internal static class AlarmScaling
{
    private static readonly IMetricQuery NoWindows = new SampleMetricQuery(new Dictionary<string, IReadOnlyList<MetricPoint>>());

    public static (int Desired, IReadOnlyList<string> Explanation) Decide(LiveTarget target, AlarmScaleRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var definition = target.Registered;
        var current = target.Current;
        var lines = new List<string> { $"alarm {request.Alarm}: {request.Reason}" };
        int wanted;
        if (request.Adjustment is { } adjustment)
        {
            wanted = current + adjustment;
            var capped = request.Max is { } max && adjustment > 0 ? Math.Min(wanted, max) : wanted;
            lines.Add($"fixed adjustment {adjustment:+0;-0} from {current} = {wanted}" + (capped != wanted ? $", capped at {request.Max}" : string.Empty));
            wanted = capped;
        }
        else
        {
            var policy = StepPolicy(target, request);
            var value = request.BreachValue ?? throw new ArgumentException("breachValue: a step policy needs the alarm's breaching value");
            var context = new PolicyContext(now, new ScaleTarget(current, definition.Min, definition.Max),
                new Dictionary<string, MetricReading> { [policy.Metric] = MetricReading.Aggregate(value) }, target.History, NoWindows);
            var explanation = new ExplanationWriter();
            var proposal = policy.Propose(context, explanation);
            explanation.EndLine();
            lines.AddRange(explanation.ToLines().Where(l => l.Length > 0));
            wanted = proposal.Desired ?? current;
        }

        var desired = Math.Clamp(wanted, definition.Min, definition.Max);
        if (desired != wanted)
        {
            lines.Add($"held within the target's bounds [{definition.Min}, {definition.Max}] -> {desired}");
        }

        return (desired, lines);
    }

    /// <summary>The decision record of an alarm's scale request as the supervisor approved it.</summary>
    public static DecisionRecord Decided(
        string target, long sequence, DateTimeOffset now, int from, int desired, IReadOnlyList<string> explanation, ScaleApproval approval,
        ScalingFlags flags, string alarm)
    {
        var to = desired > from ? approval.Granted : desired;
        var lines = new List<string>(explanation);
        if (approval.Trimmed)
        {
            lines.Add($"supervisor: {approval.Explanation}");
        }

        var mayActuate = DecisionOutcomes.MayActuate(approval, flags);
        if (!mayActuate)
        {
            lines.Add(!approval.Enabled ? "not applied: scaling is disabled for the scope"
                : !flags.Enabled ? "not applied: the target is disabled"
                : "not applied: dry-run");
        }

        return new DecisionRecord($"{target}-{sequence}", target, now, DecisionKind.Decision, from, to, $"alarm:{alarm}", !mayActuate,
            approval.LimitedBy, lines, "alarm");
    }

    private static StepScalingPolicy StepPolicy(LiveTarget target, AlarmScaleRequest request)
    {
        if (request.Policy is { } name)
        {
            return target.PolicySet?.Policies.OfType<StepScalingPolicy>().FirstOrDefault(p => p.Name == name)
                ?? throw new ArgumentException($"policy: target '{target.Id}' has no step-scaling policy '{name}'");
        }

        var json = request.StepsPolicy ?? throw new ArgumentException("policy: give a policy, steps or an adjustment");
        try
        {
            return ScalingDocuments.Parse(System.Text.Encoding.UTF8.GetBytes(json), f => PolicyReader.ReadPolicy(f, PolicyParserRegistry.Default))
                as StepScalingPolicy ?? throw new ArgumentException("steps: must be a step-scaling policy");
        }
        catch (ScalingInputException error)
        {
            throw new ArgumentException($"steps: {error.Errors[0]}");
        }
    }
}
