using Autoscaler.Grains.Interfaces;
using Autoscaler.Scaling.Cost;
using Autoscaler.Ports.Decisions;

namespace Autoscaler.Grains.Services.Status;

/// <summary>What operators see of a target: its status, cost report, recommendation and metrics. No I/O.</summary>
internal static class TargetStatusView
{
    /// <summary>The target's status at <paramref name="now"/>.</summary>
    public static TargetStatus Of(LiveTarget target, DateTimeOffset now)
    {
        var definition = target.Definition;

        // The latest decision that changed (or would have changed) capacity; a no-change evaluation only until there is one.
        var lastDecision = target.RecentDecisions.FirstOrDefault() ?? target.LastNoChange;
        var flags = definition?.Flags ?? new ScalingFlags();
        var status = definition is null ? "unregistered"
            : !flags.Enabled ? "disabled"
            : flags.DryRun ? "dry-run"
            : target.ConsecutiveFailures > 0 ? "failing"
            : target.Pending is not null ? "scaling"
            : target.DriftFlagged && target.DriftSince is not null ? "drifted"
            : HasStaleMetrics(target, definition, now) ? "stale"
            : "idle";
        var drift = target.Observed is { } observed && observed != target.Current ? observed - target.Current : (int?)null;
        return new TargetStatus(definition, target.Current, target.Observed, drift, [.. target.Policies.Select(p => p.Name)], lastDecision,
            target.LastEvaluation, target.LastScaling, target.Override, CostReportOf(target, now), status,
            target.ConsecutiveFailures, target.ConsecutiveFailures > 0 ? target.NextAttemptAt : null, target.DriftSince);
    }

    // A metric with samples, none newer than the freshness limit: the policies on it have no data (no scaling on it).
    private static bool HasStaleMetrics(LiveTarget target, TargetDefinition definition, DateTimeOffset now)
    {
        target.Windows.Freshness = definition.Freshness;
        return target.Windows.Stale(now).Any();
    }

    /// <summary>Cost per agent-hour (seed 000: under $0.10): the month's cost over the pool's active agent-hours.</summary>
    public static TargetStatus WithAgentHours(TargetStatus status, double agentHoursThisMonth) =>
        status with
        {
            Cost = status.Cost with
            {
                CostPerAgentHour = agentHoursThisMonth > 0 ? Math.Round(status.Cost.Month / (decimal)agentHoursThisMonth, 4) : null,
            },
        };

    /// <summary>What the policies would do now, without doing it.</summary>
    public static Recommendation Recommend(LiveTarget target, DateTimeOffset now)
    {
        var evaluation = ScratchEvaluator.Current.Evaluate(target.Request(now));
        var confidenceSum = 0.0;
        var voting = 0;
        foreach (var proposal in evaluation.Proposals)
        {
            if (proposal.Desired is not null)
            {
                confidenceSum += proposal.Confidence;
                voting++;
            }
        }

        var confidence = voting == 0 ? 0 : confidenceSum / voting;
        var current = target.Current;
        var desired = evaluation.Desired;
        var kind = desired > current ? "scale-out"
            : desired < current ? "scale-in"
            : voting == 0 && evaluation.Proposals.Length > 0 ? "no-data"
            : evaluation.Recommendation != current ? "held"
            : "steady";
        var priority = kind switch { "scale-out" => "high", "scale-in" => "medium", _ => "low" };
        var lines = evaluation.Explanation.ToLines();
        var summary = lines.LastOrDefault(l => l.StartsWith("combined:", StringComparison.Ordinal)) ?? lines.FirstOrDefault() ?? "no policies";
        return new Recommendation(
            target.Id, current, desired, Math.Round(confidence, 3), priority, evaluation.LimitedBy?.ToString(), lines, kind, evaluation.Recommendation, summary);
    }

    /// <summary>Current window values per metric, by name.</summary>
    public static IReadOnlyList<MetricSummary> Metrics(LiveTarget target, DateTimeOffset now) =>
        [.. target.Windows.Metrics.Order(StringComparer.Ordinal).Select(metric => target.Windows.Summarize(metric, now))];

    /// <summary>Money is reported to the cent's hundredth; the ledger keeps full precision.</summary>
    public static decimal Money(decimal amount) => Math.Round(amount, 4, MidpointRounding.AwayFromZero);

    private static CostReport CostReportOf(LiveTarget target, DateTimeOffset now)
    {
        var price = target.InstanceHourPrice;
        var ledger = (target.Cost ?? CostLedger.StartingAt(now)).AccrueUntil(now, target.Current, price);
        return new CostReport(price, Money(ledger.Hour.Cost), Money(ledger.Day.Cost), Money(ledger.Month.Cost),
            Money(ledger.ForecastMonthEnd(now, target.Current, price)), Math.Round(ledger.Month.CapacityHours, 4), CostPerAgentHour: null,
            target.Price is null ? "unit" : "size", target.Price);
    }

    /// <summary>The <paramref name="limit"/> most recent decisions, newest first.</summary>
    public static IReadOnlyList<DecisionRecord> Recent(LiveTarget target, int limit) =>
        [.. target.RecentDecisions.Take(Math.Clamp(limit, 1, LiveTarget.RecentDecisionCount))];
}
