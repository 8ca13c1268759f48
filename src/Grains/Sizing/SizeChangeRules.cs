using System.Globalization;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Sizing.State;
using Autoscaler.Ports.Actuation;
using Autoscaler.Ports.Decisions;

namespace Autoscaler.Grains.Sizing;

/// <summary>The pure parts of a size change: checking a request, the view of a state, an outcome from the platform's
/// answer, and the audit row.</summary>
internal static class SizeChangeRules
{
    /// <summary>The most characters kept of a reason.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>Null when the request is well formed; else the field at fault and why.</summary>
    public static (string Field, string Message)? Problem(SizeChangeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!double.IsFinite(request.Vcpu) || request.Vcpu <= 0 || request.Vcpu > 192)
        {
            return ("vcpu", $"must be a number of vCPU above 0 and at most 192, not {Text(request.Vcpu)}");
        }

        if (!double.IsFinite(request.MemoryGiB) || request.MemoryGiB <= 0 || request.MemoryGiB > 1024)
        {
            return ("memoryGiB", $"must be a number of GiB above 0 and at most 1024, not {Text(request.MemoryGiB)}");
        }

        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > MaxReasonLength)
        {
            return ("reason", $"is required (why the size changes, kept in the audit history), at most {MaxReasonLength} characters");
        }

        return string.IsNullOrWhiteSpace(request.Actor) ? ("actor", "is required (who asks)") : null;
    }

    /// <summary>The size a target runs at: the last applied change, else the configured size, else unknown.</summary>
    public static TargetSizeView View(TargetSizeState state, (double Vcpu, double MemoryGiB)? configured)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Applied is { } applied
            ? new TargetSizeView(applied.Vcpu, applied.MemoryGiB, "applied", applied.At, applied.By)
            : configured is { } size ? new TargetSizeView(size.Vcpu, size.MemoryGiB, "configured") : new TargetSizeView(null, null, "unknown");
    }

    /// <summary>The outcome of <paramref name="intent"/> from the platform's <paramref name="answer"/>.</summary>
    public static SizeChangeOutcome Outcome(ResizeResult answer) =>
        answer.Succeeded ? SizeChangeOutcome.Applied : answer.NotSupported ? SizeChangeOutcome.NotSupported : SizeChangeOutcome.Failed;

    /// <summary>The history outcome word of <paramref name="outcome"/>.</summary>
    public static string HistoryOutcome(SizeChangeOutcome outcome) => outcome switch
    {
        SizeChangeOutcome.Applied => "succeeded",
        SizeChangeOutcome.DryRun => "dry-run",
        SizeChangeOutcome.NotSupported => "not-actuated",
        _ => "failed",
    };

    /// <summary>The audit row of <paramref name="intent"/> on <paramref name="target"/> (capacity unchanged; sizes and
    /// reason in the explanation).</summary>
    public static DecisionRecord Record(string target, ResizeIntent intent, TargetSizeView before, SizeChangeOutcome outcome, string message, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(before);
        var from = before.Vcpu is { } v && before.MemoryGiB is { } m ? $"{Text(v)} vCPU / {Text(m)} GiB ({before.Source})" : "an unknown size";
        var verb = outcome == SizeChangeOutcome.DryRun ? "would change" : "size";
        string[] explanation =
        [
            $"{verb} {from} → {Text(intent.Vcpu)} vCPU / {Text(intent.MemoryGiB)} GiB per replica",
            intent.Reason,
            message,
        ];
        return new DecisionRecord(intent.RequestId, target, at, DecisionKind.Resized, intent.Capacity, intent.Capacity, intent.Actor,
            outcome == SizeChangeOutcome.DryRun, null, explanation, "api", (at - intent.At).TotalMilliseconds, HistoryOutcome(outcome));
    }

    /// <summary>A number as people read it (0.25, 2, 30).</summary>
    public static string Text(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
