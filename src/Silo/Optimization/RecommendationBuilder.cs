using System.Globalization;
using System.Text.Json;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Optimization;
using Autoscaler.Optimization.Schedules;

namespace Autoscaler.Silo.Optimization;

/// <summary>
/// Turns one target's optimisation report into open recommendation records (pure): a right-size when another size saves
/// money, a schedule when a cycle was found, a commitment and a Spot share when they save. Each proposal is written in a
/// fixed form, so its id is stable while the proposal is unchanged.
/// </summary>
internal static class RecommendationBuilder
{
    /// <summary>The records <paramref name="report"/> proposes, created at <paramref name="now"/>.</summary>
    public static IEnumerable<RecommendationRecord> Build(TargetProfile profile, OptimizationReport report, DateTimeOffset now)
    {
        var target = report.Target;
        if (report.RightSize is { IsChange: true, MonthlySavings: > 0 } rightSize)
        {
            var size = rightSize.Recommended.Size;
            var proposal = JsonText.Object(w =>
            {
                w.WriteNumber("vcpu", size.Vcpu);
                w.WriteNumber("memoryGiB", size.MemoryGiB);
            });
            var risk = Math.Max(rightSize.Recommended.CpuOverPercent, rightSize.Recommended.MemoryOverPercent ?? 0);
            yield return Record(target, RecommendationKinds.RightSize, proposal, Text($"{rightSize.Current.Size} → {size}"), rightSize.Explanation, rightSize.MonthlySavings,
                rightSize.Current.MonthlyCost, rightSize.Recommended.MonthlyCost, risk, rightSize.ConfidenceDays,
                RecommendationCharts.Usage(profile.Usage, rightSize.Current.Size, size), now);
        }

        if (report.Schedule.Actions.Count > 0)
        {
            var schedule = report.Schedule;
            var policy = ScheduleDetector.ToPolicy(schedule.Actions);
            var proposal = JsonText.Object(w =>
            {
                w.WriteString("name", policy.Name);
                w.WriteString("type", policy.Type);
                w.WriteStartArray("actions");
                foreach (var action in schedule.Actions)
                {
                    w.WriteStartObject();
                    w.WriteString("name", action.Name);
                    w.WriteString("schedule", action.Cron);
                    w.WriteNumber("minCapacity", action.MinCapacity);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            });
            var pattern = schedule.Pattern.ToString().ToLowerInvariant();
            var range = $"{schedule.Actions.Min(a => a.MinCapacity)}–{schedule.Actions.Max(a => a.MinCapacity)}";
            yield return Record(target, RecommendationKinds.Schedule, proposal, $"{pattern} schedule: minimum capacity {range} by hour ({schedule.Actions.Count} actions, UTC)",
                schedule.Explanation, schedule.MonthlySavings ?? 0, schedule.MonthlyCostBefore, schedule.MonthlyCostAfter, schedule.UnderProvisionedAfter,
                HourlyNeed.Of(profile).Count / 24.0, RecommendationCharts.Schedule(profile, schedule.Actions), now);
        }

        if (report.Purchase is { } purchase)
        {
            var days = Autoscaler.Optimization.Usage.UsageSeries.Days(profile.Usage);
            if (purchase is { CommittedInstances: > 0, CommitmentMonthlySavings: > 0 })
            {
                yield return Record(target, RecommendationKinds.Commitment, JsonText.Object(w => w.WriteNumber("committedInstances", purchase.CommittedInstances)),
                    Text($"commit to {purchase.CommittedInstances} instance{(purchase.CommittedInstances == 1 ? string.Empty : "s")} (a Savings Plan for the steady base)"), purchase.Explanation,
                    purchase.CommitmentMonthlySavings, null, null, null, days, null, now);
            }

            if (purchase is { SpotShare: > 0, SpotMonthlySavings: > 0 })
            {
                // Rounded to 5 %, so the daily recompute does not supersede the proposal for a drift of a point.
                var share = Math.Round(purchase.SpotShare * 20, MidpointRounding.AwayFromZero) / 20;
                yield return Record(target, RecommendationKinds.Spot, JsonText.Object(w => w.WriteNumber("spotShare", share)),
                    Text($"run {share:P0} of instance-hours on Spot (above the committed base)"), purchase.Explanation,
                    purchase.SpotMonthlySavings, null, null, null, days, null, now);
            }
        }
    }

    private static RecommendationRecord Record(
        string target, string kind, string proposal, string what, IReadOnlyList<string> explanation, double savings, double? before, double? after, double? risk,
        double days, string? chart, DateTimeOffset now) =>
        new(RecommendationIds.Of(target, kind, proposal), target, kind, RecommendationStates.Open, Text($"{target}: {what}, {Savings(savings)}"),
            [.. explanation], Math.Round(savings, 2), Round(before), Round(after), Round(risk), Math.Round(days, 1), proposal, chart, now);

    private static string Savings(double savings) =>
        savings >= 0 ? Text($"saves ${savings:0.00} a month") : Text($"costs ${-savings:0.00} more a month, to fall short less");

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 2) : null;

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
