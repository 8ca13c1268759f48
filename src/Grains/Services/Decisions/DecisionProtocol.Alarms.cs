using Autoscaler.Grains.Interfaces;
using Autoscaler.Ports.Decisions;
using Autoscaler.Scaling.Model;

namespace Autoscaler.Grains.Services.Decisions;

/// <summary>The decision protocol's entry point for alarms' <c>scale</c> actions.</summary>
internal sealed partial class DecisionProtocol
{
    /// <summary>
    /// An alarm's <c>scale</c> action: the capacity <see cref="AlarmScaling"/> decides goes through the same supervisor
    /// approval, write-ahead, actuation, history and events as the engine's decisions (actor <c>alarm:{name}</c>, trigger
    /// <c>alarm</c>). The new capacity also counts as a recommendation, so the scale-down stabilization window holds it
    /// instead of the next evaluation undoing it at once.
    /// </summary>
    public async Task<DecisionRecord> ApplyAlarmAsync(AlarmScaleRequest request)
    {
        var definition = target.Registered;
        var now = clock.GetUtcNow();
        target.AccrueCost(now);
        var from = target.Current;
        var (desired, explanation) = AlarmScaling.Decide(target, request, now);
        if (desired == from)
        {
            return new DecisionRecord($"{target.Id}-eval", target.Id, now, DecisionKind.NoChange, from, from, $"alarm:{request.Alarm}", false, null,
                [.. explanation, $"no change: the target is already at {from}"], "alarm");
        }

        var approval = await RequestCapacityAsync(definition, from, desired);
        var decided = AlarmScaling.Decided(target.Id, target.DecisionSequence + 1, now, from, desired, explanation, approval,
            definition.Flags ?? new ScalingFlags(), request.Alarm);
        if (decided.To != from && !decided.DryRun)
        {
            target.History = target.History with { Recommendations = [.. target.History.Recommendations, new TimestampedRecommendation(now, decided.To)] };
            return await ActuateAsync(decided, decision: null, now);
        }

        var checkpoint = target.Checkpoint();
        target.DecisionSequence++;
        decided = reporter.Keep(decided, decided.To == from ? "trimmed" : "not-actuated");
        await WriteOrUndoAsync(checkpoint, now);
        if (decided.To != from)
        {
            await reporter.PublishAsync(decided);
        }

        await reporter.FlushAsync();
        return decided;
    }
}
