using System.Globalization;
using System.Text.Json;
using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Grains.Recommendations;

/// <summary>
/// Carries out an apply by the recommendation's kind: a right-size through <see cref="ITargetSizeGrain"/> (its actuator,
/// write-ahead, audit, rollback and dry run), a schedule as the target's <c>scheduled</c> policy through the service grain,
/// a commitment or Spot share recorded only (the purchase happens outside). The caller records the outcome.
/// </summary>
internal sealed class RecommendationApplier(IGrainFactory grains)
{
    /// <summary>Applies <paramref name="record"/>; the outcome is Applied, DryRun, Rejected or Failed.</summary>
    public async Task<(RecommendationOutcome Outcome, string Message)> ApplyAsync(RecommendationRecord record, RecommendationAction action)
    {
        switch (record.Kind)
        {
            case RecommendationKinds.RightSize:
                var result = await grains.GetGrain<ITargetSizeGrain>(record.Target).ChangeAsync(SizeRequest(record, action));
                return (Outcome(result.Outcome), result.Message);
            case RecommendationKinds.Schedule:
                return await ScheduleAsync(record, action.DryRun);
            case RecommendationKinds.Commitment or RecommendationKinds.Spot:
                var what = record.Kind == RecommendationKinds.Commitment ? "buy the commitment (a Savings Plan)" : "move the interruptible share to Spot";
                return action.DryRun
                    ? (RecommendationOutcome.DryRun, $"dry run: would record the {record.Kind} recommendation as applied; {what} outside the control plane")
                    : (RecommendationOutcome.Applied, $"recorded as applied: the control plane does not buy capacity, {what} with your cloud provider");
            default:
                return (RecommendationOutcome.Rejected, $"unknown recommendation kind \"{record.Kind}\"");
        }
    }

    /// <summary>The size change a right-size recommendation asks for (its proposal is <c>{ vcpu, memoryGiB }</c>).</summary>
    public static SizeChangeRequest SizeRequest(RecommendationRecord record, RecommendationAction action)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(action);
        using var proposal = JsonDocument.Parse(record.ProposalJson);
        var root = proposal.RootElement;
        return new SizeChangeRequest(
            root.GetProperty("vcpu").GetDouble(),
            root.GetProperty("memoryGiB").GetDouble(),
            string.IsNullOrWhiteSpace(action.Actor) ? $"recommendation:{record.Id}" : action.Actor,
            string.IsNullOrWhiteSpace(action.Reason) ? $"recommendation {record.Id}: {record.Summary}" : action.Reason,
            action.DryRun,
            record.Id);
    }

    /// <summary>The policy a schedule recommendation sets (its proposal is the <c>scheduled</c> policy's JSON).</summary>
    public static PolicyDefinition SchedulePolicy(RecommendationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var proposal = JsonDocument.Parse(record.ProposalJson);
        return new PolicyDefinition(proposal.RootElement.GetProperty("name").GetString()!, record.ProposalJson);
    }

    private async Task<(RecommendationOutcome, string)> ScheduleAsync(RecommendationRecord record, bool dryRun)
    {
        var policy = SchedulePolicy(record);
        using var proposal = JsonDocument.Parse(record.ProposalJson);
        var actions = proposal.RootElement.GetProperty("actions").GetArrayLength();
        var service = grains.GetGrain<IServiceGrain>(record.Target);
        if ((await service.GetStatusAsync()).Definition is not { } definition)
        {
            return (RecommendationOutcome.Rejected, $"target '{record.Target}' is no longer registered");
        }

        // The schedule replaces the static minimum: a minimum above the schedule's lowest would keep the quiet hours full.
        var lowest = proposal.RootElement.GetProperty("actions").EnumerateArray().Min(a => a.TryGetProperty("minCapacity", out var m) ? m.GetInt32() : definition.Min);
        var lowered = lowest < definition.Min
            ? string.Create(CultureInfo.InvariantCulture, $" and the static minimum lowered from {definition.Min} to {lowest}")
            : string.Empty;

        if (dryRun)
        {
            return (RecommendationOutcome.DryRun, string.Create(CultureInfo.InvariantCulture, $"dry run: would set the scheduled policy '{policy.Name}' ({actions} actions) on '{record.Target}'{lowered}"));
        }

        try
        {
            await service.SetPolicyAsync(policy);
            if (lowest < definition.Min)
            {
                await service.ConfigureAsync(definition with { Min = lowest });
            }
        }
        catch (ArgumentException error)
        {
            return (RecommendationOutcome.Rejected, error.Message);
        }

        return (RecommendationOutcome.Applied, string.Create(CultureInfo.InvariantCulture, $"set the scheduled policy '{policy.Name}' ({actions} actions) on '{record.Target}'{lowered}"));
    }

    private static RecommendationOutcome Outcome(SizeChangeOutcome outcome) => outcome switch
    {
        SizeChangeOutcome.Applied => RecommendationOutcome.Applied,
        SizeChangeOutcome.DryRun => RecommendationOutcome.DryRun,
        SizeChangeOutcome.Invalid or SizeChangeOutcome.NotSupported => RecommendationOutcome.Rejected,
        _ => RecommendationOutcome.Failed,
    };
}
