using System.Globalization;
using Autoscaler.Optimization.Pricing;
using Autoscaler.Scaling.Policies;
using Autoscaler.Scaling.Scheduling;
using Autoscaler.Scaling.Simulation;

namespace Autoscaler.Optimization.Schedules;

/// <summary>
/// Finds a daily or weekly cycle in the instances a target needs and proposes a minimum per hour: the lowest need ever
/// seen at that hour (so the schedule never holds more than was needed), as a <c>scheduled</c> policy's actions at the
/// hours the minimum changes. Weekly needs two weeks of data, daily two days; the grouping with the larger adjusted
/// effect wins among those the permutation test accepts. With a demand trace the schedule is added to the target's
/// policies and both are replayed, giving its savings and shortfall.
/// </summary>
public static class ScheduleDetector
{
    private const string PolicyName = "optimizer-schedule";
    private static readonly string[] Days = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    /// <summary>The recommendation (pattern None when nothing stands out).</summary>
    public static ScheduleRecommendation Recommend(TargetProfile profile, ScheduleOptions options)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(options);
        var hours = HourlyNeed.Of(profile);
        var values = hours.Select(h => (double)h.Need).ToList();
        var daily = hours.Count >= 48 ? Test(hours, values, SchedulePattern.Daily, options) : ((double, double)?)null;
        var weekly = hours.Count >= 336 ? Test(hours, values, SchedulePattern.Weekly, options) : ((double, double)?)null;
        bool Passes((double P, double E)? t) => t is { } r && r.P <= options.MaxPValue && r.E >= options.MinExplained;
        var pattern = Passes(weekly) && (!Passes(daily) || weekly!.Value.Item2 > daily!.Value.Item2) ? SchedulePattern.Weekly
            : Passes(daily) ? SchedulePattern.Daily
            : SchedulePattern.None;
        var (p, explained) = pattern == SchedulePattern.Weekly ? weekly!.Value : pattern == SchedulePattern.Daily ? daily!.Value : Best(daily, weekly);
        var lines = new List<string>
        {
            hours.Count < 48
                ? $"{hours.Count} hours of data: at least 48 are needed to look for a daily cycle"
                : string.Create(CultureInfo.InvariantCulture, $"{hours.Count} hours; daily cycle: {Describe(daily)}; weekly cycle: {Describe(weekly)} (accepted: p ≤ {options.MaxPValue}, explained ≥ {options.MinExplained:P0})"),
        };
        if (pattern == SchedulePattern.None)
        {
            lines.Add("no cycle stands out from the noise: no schedule proposed");
            return new ScheduleRecommendation(pattern, p, explained, [], lines);
        }

        var floor = profile.Demand?.Target.Min > 0 || profile.Usage.All(u => u.Instances > 0) ? 1 : 0;
        var actions = Actions(hours, pattern, floor);
        if (actions.Count < 2)
        {
            lines.Add($"a {pattern.ToString().ToLowerInvariant()} cycle, but the lowest need is the same at every hour: no schedule proposed");
            return new ScheduleRecommendation(SchedulePattern.None, p, explained, [], lines);
        }

        lines.Add($"{pattern.ToString().ToLowerInvariant()} cycle: minimum capacity set to the lowest need seen at each hour, {actions.Count} scheduled actions (UTC)");
        if (profile.Demand?.Target.Min is { } staticMin && actions.Any(a => a.MinCapacity < staticMin))
        {
            lines.Add($"the schedule replaces the static minimum of {staticMin}: in quiet hours it goes down to {actions.Min(a => a.MinCapacity)} (never below {Math.Max(floor, 0)})");
        }
        var recommendation = new ScheduleRecommendation(pattern, p, explained, actions, lines);
        return profile.Demand is { IsDemandMode: true } demand ? Simulate(profile, demand, recommendation, lines) : recommendation;
    }

    /// <summary>The actions as a <c>scheduled</c> policy (what applying the recommendation adds to the target).</summary>
    public static ScheduledPolicy ToPolicy(IReadOnlyList<ScheduledMinimum> actions) =>
        new(PolicyName, [.. actions.Select(a => new ScheduledAction(a.Name, ScalingSchedule.Parse(a.Cron), a.MinCapacity, null, null))], 300);

    private static (double, double) Test(IReadOnlyList<(DateTimeOffset Hour, int Need)> hours, List<double> values, SchedulePattern pattern, ScheduleOptions options)
    {
        var groups = hours.Select(h => Group(h.Hour, pattern)).ToList();
        return PatternTest.Run(values, groups, pattern == SchedulePattern.Weekly ? 168 : 24, options.Permutations);
    }

    private static int Group(DateTimeOffset hour, SchedulePattern pattern) =>
        pattern == SchedulePattern.Weekly ? ((int)hour.UtcDateTime.DayOfWeek * 24) + hour.UtcDateTime.Hour : hour.UtcDateTime.Hour;

    private static (double, double) Best((double P, double E)? daily, (double P, double E)? weekly) =>
        new[] { daily, weekly }.Where(t => t is not null).Select(t => t!.Value).OrderBy(t => t.P).ThenByDescending(t => t.E).Select(t => (t.P, t.E)).FirstOrDefault((1, 0));

    private static string Describe((double P, double E)? test) =>
        test is { } t ? string.Create(CultureInfo.InvariantCulture, $"p = {t.P:0.###}, explained {t.E:P0}") : "too little data";

    private static List<ScheduledMinimum> Actions(IReadOnlyList<(DateTimeOffset Hour, int Need)> hours, SchedulePattern pattern, int floor)
    {
        var count = pattern == SchedulePattern.Weekly ? 168 : 24;
        var lowest = Enumerable.Repeat(int.MaxValue, count).ToArray();
        foreach (var (hour, need) in hours)
        {
            var g = Group(hour, pattern);
            lowest[g] = Math.Min(lowest[g], need);
        }

        for (var g = 0; g < count; g++)
        {
            // An hour never observed (a short trace) takes the hour before it, cyclically.
            lowest[g] = Math.Max(floor, lowest[g] == int.MaxValue ? lowest[(g + count - 1) % count] : lowest[g]);
        }

        Smooth(lowest);
        var actions = new List<ScheduledMinimum>();
        for (var g = 0; g < count; g++)
        {
            if (lowest[g] != lowest[(g + count - 1) % count] || (g == 0 && lowest.Distinct().Count() == 1))
            {
                var hour = g % 24;
                actions.Add(pattern == SchedulePattern.Weekly
                    ? new ScheduledMinimum($"weekly-{Days[g / 24]}-{hour:00}", $"cron(0 {hour} ? * {Days[g / 24]} *)", lowest[g])
                    : new ScheduledMinimum($"daily-{hour:00}", $"cron(0 {hour} * * ? *)", lowest[g]));
            }
        }

        return actions;
    }

    /// <summary>
    /// Merges neighbouring hours whose minimums differ by at most one instance or 20 % into one run at the run's lowest
    /// value, so noise does not turn into an action every hour; a run never holds more than any of its hours needed.
    /// </summary>
    private static void Smooth(int[] lowest)
    {
        var start = 0;
        for (var g = 1; g <= lowest.Length; g++)
        {
            var runMin = lowest[start..g].Min();
            var runMax = lowest[start..g].Max();
            var next = g < lowest.Length ? lowest[g] : -1;
            var fits = g < lowest.Length && Math.Max(runMax, next) - Math.Min(runMin, next) <= Math.Max(1, 0.2 * Math.Min(runMin, next));
            if (!fits)
            {
                Array.Fill(lowest, runMin, start, g - start);
                start = g;
            }
        }
    }

    private static ScheduleRecommendation Simulate(TargetProfile profile, SimulationRequest demand, ScheduleRecommendation recommendation, List<string> lines)
    {
        var before = Simulator.Run(demand with { RecordedCapacity = null }, SimulationOptions.SummaryOnly).Summary;
        var policies = demand.PolicySet with { Policies = [.. demand.PolicySet.Policies.Where(p => p.Name != PolicyName), ToPolicy(recommendation.Actions)] };
        // The schedule replaces the static minimum (applying it lowers the target's minimum to the schedule's lowest).
        var target = demand.Target with { Min = Math.Min(demand.Target.Min, recommendation.Actions.Min(a => a.MinCapacity)) };
        var after = Simulator.Run(demand with { Target = target, PolicySet = policies, RecordedCapacity = null }, SimulationOptions.SummaryOnly).Summary;
        var price = profile.Prices.HourlyPrice(profile.Size);
        double Monthly(SimulationSummary s) => (s.ScoredTo - s.ScoredFrom).TotalHours is > 0 and var h ? s.CapacityHours / h * price * PriceModel.HoursPerMonth : 0;
        var result = recommendation with
        {
            MonthlyCostBefore = Monthly(before),
            MonthlyCostAfter = Monthly(after),
            UnderProvisionedBefore = before.Demand?.UnderProvisionedPercent ?? 0,
            UnderProvisionedAfter = after.Demand?.UnderProvisionedPercent ?? 0,
        };
        lines.Add(string.Create(
            CultureInfo.InvariantCulture,
            $"replayed with the target's policies: {result.MonthlyCostBefore:0.00} → {result.MonthlyCostAfter:0.00} per month, under-provisioned {result.UnderProvisionedBefore:0.##} % → {result.UnderProvisionedAfter:0.##} %"));
        return result;
    }
}
