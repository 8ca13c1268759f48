using Autoscaler.Grains.Interfaces;
using Autoscaler.Scaling.Supervision.Budget;

namespace Autoscaler.Grains.Supervision.Budget;

/// <summary>A scope's configured budget actions: validation (problems named by field, <c>budgetActions[1].step</c>) and
/// the engine's thresholds.</summary>
public static class BudgetActionSettings
{
    /// <summary>The action names as configuration spells them.</summary>
    public const string Notify = "notify", ReduceMaxCapacity = "reduceMaxCapacity";

    /// <summary>Every problem of <paramref name="limits"/>' budget actions as <c>field: message</c>; empty when usable.</summary>
    public static IReadOnlyList<string> Problems(SupervisorLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var actions = limits.BudgetActions ?? [];
        var problems = new List<string>();
        if (actions.Count > 0 && limits.MonthlyBudget is null)
        {
            problems.Add("budgetActions: need a monthlyBudget to be measured against");
        }

        if (actions.Count > 20)
        {
            problems.Add("budgetActions: at most 20 actions");
        }

        for (var i = 0; i < actions.Count; i++)
        {
            if (actions[i] is not { } action)
            {
                problems.Add($"budgetActions[{i}]: must be an action object");
                continue;
            }

            if (Kind(action.Action) is not { } kind)
            {
                problems.Add($"budgetActions[{i}].action: must be '{Notify}' or '{ReduceMaxCapacity}'");
                continue;
            }

            if (new BudgetThreshold(action.ThresholdPercent, kind, action.Step).Problem() is { } problem)
            {
                problems.Add(problem.StartsWith("percent", StringComparison.Ordinal)
                    ? $"budgetActions[{i}].thresholdPercent: {problem}"
                    : $"budgetActions[{i}].step: {problem}");
            }
            else if (actions.Take(i).Any(a => a is not null && a.ThresholdPercent.Equals(action.ThresholdPercent) && Kind(a.Action) == kind))
            {
                problems.Add($"budgetActions[{i}]: the same threshold and action twice");
            }
        }

        return problems;
    }

    /// <summary>The engine's thresholds (the usable ones) of <paramref name="actions"/>.</summary>
    public static IReadOnlyList<BudgetThreshold> Thresholds(IReadOnlyList<BudgetActionSetting>? actions) =>
        [.. (actions ?? []).Where(a => a is not null && Kind(a.Action) is not null).Select(a => new BudgetThreshold(a.ThresholdPercent, Kind(a.Action)!.Value, a.Step))];

    private static BudgetActionKind? Kind(string? action) => action switch
    {
        _ when string.Equals(action, Notify, StringComparison.OrdinalIgnoreCase) => BudgetActionKind.Notify,
        _ when string.Equals(action, ReduceMaxCapacity, StringComparison.OrdinalIgnoreCase) => BudgetActionKind.ReduceMaxCapacity,
        _ => null,
    };
}
