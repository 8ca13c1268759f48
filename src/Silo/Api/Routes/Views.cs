using Autoscaler.Adapters.Nats.Events;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Ports.History;
using Autoscaler.Silo.Api.Routes.Models;
using Autoscaler.Ports.Decisions;

namespace Autoscaler.Silo.Api.Routes;

/// <summary>Maps grain and port types to the API's JSON shapes (DashboardContract.md).</summary>
internal static class Views
{
    /// <summary>The target object of <c>/targets</c>; <paramref name="metrics"/> are the latest aggregated values.</summary>
    public static TargetView Target(TargetStatus status, IReadOnlyList<MetricSummary>? metrics = null)
    {
        var definition = status.Definition ?? throw new ArgumentException("The target is not registered.", nameof(status));
        var flags = definition.Flags ?? new ScalingFlags();
        var last = status.LastDecision;
        var desired = last is not null && status.Status == "scaling" ? last.To : status.Override?.Capacity ?? status.Current;
        return new TargetView(
            definition.Id,
            definition.Id,
            definition.Actuator.Kind,
            flags.Enabled,
            flags.DryRun,
            status.Current,
            desired,
            definition.Min,
            definition.Max,
            StatusName(status.Status),
            null,
            LatestValues(metrics),
            last is null ? null : Event(last),
            status.Policies,
            status.Observed,
            status.LastEvaluation,
            status.LastScaling,
            status.Override is { } pinned ? new OverrideView(pinned.Capacity, pinned.Reason, pinned.Actor, pinned.Expires) : null,
            definition.Scope,
            definition.Priority,
            definition.UnitCostPerHour,
            definition.EvaluationIntervalSeconds,
            status.ConsecutiveFailures,
            status.NextAttemptAt,
            status.DriftSince,
            (int)definition.Freshness.TotalSeconds,
            definition.DriftAction?.ToLowerInvariant() ?? "adopt",
            (int)definition.DriftLimit.TotalSeconds,
            status.Cost.PricedBy,
            status.Cost.UnitCostPerHour);
    }

    /// <summary>The contract's status words: <c>steady</c>, <c>scaling</c>, <c>disabled</c>, <c>failed</c>, <c>drifted</c>, <c>stale</c>.</summary>
    public static string StatusName(string grainStatus) => grainStatus switch
    {
        "scaling" => "scaling",
        "disabled" => "disabled",
        "failing" => "failed",
        "drifted" => "drifted",
        "stale" => "stale",
        _ => "steady",
    };

    /// <summary>A decision as a scaling event.</summary>
    public static EventView Event(DecisionRecord decision) => new(
        decision.EntryId, decision.Target, decision.At, DecisionKinds.Name(decision.Kind), decision.From, decision.To, decision.Actor, decision.DryRun,
        decision.Explanation, decision.LimitedBy, decision.Trigger, decision.Outcome, decision.Id);

    /// <summary>A stored history record as a scaling event: its own entry id, and what became of it.</summary>
    public static EventView HistoryEvent(DecisionRecord entry) => new(
        entry.EntryId, entry.Target, entry.At, DecisionKinds.Name(entry.Kind), entry.From, entry.To, entry.Actor, entry.DryRun,
        entry.Explanation, null, entry.Trigger, entry.Outcome, entry.Id);

    /// <summary>A budget level's wire name.</summary>
    public static string BudgetName(BudgetStatus level) => level switch
    {
        BudgetStatus.Warning => "warning",
        BudgetStatus.Critical => "critical",
        _ => "ok",
    };

    /// <summary>A scope's limits.</summary>
    public static LimitsView Limits(SupervisorLimits limits) =>
        new(limits.MaxTotalCapacity, limits.MonthlyBudget, limits.WarningPercent, limits.CriticalPercent, limits.BudgetActions ?? []);

    /// <summary>A supervisor scope.</summary>
    public static SupervisorView Supervisor(SupervisorStatus status) => new(
        status.Scope,
        status.Settings.Enabled,
        status.Settings.DryRun,
        Limits(status.Settings.Limits),
        status.TotalCapacity,
        status.ForecastMonthSpend,
        BudgetName(status.Budget),
        status.Waiting.Count,
        [.. status.Targets.Select(t => new SupervisorTargetView(t.Target, t.Capacity, t.Priority, t.UnitCostPerHour, t.ForecastMonthSpend))]);

    private static Dictionary<string, double> LatestValues(IReadOnlyList<MetricSummary>? metrics)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var metric in metrics ?? [])
        {
            if (metric.Aggregates.TryGetValue("avg_1m", out var latest) || metric.Aggregates.TryGetValue("avg", out latest))
            {
                values[metric.Name] = latest;
            }
            else if (metric.Aggregates.Count > 0)
            {
                values[metric.Name] = metric.Aggregates.OrderBy(a => a.Key, StringComparer.Ordinal).First().Value;
            }
        }

        return values;
    }
}
