using System.Globalization;
using Autoscaler.Optimization.Sizing;
using Autoscaler.Optimization.Usage;
using Autoscaler.Scaling.Simulation;

namespace Autoscaler.Optimization.RightSizing;

/// <summary>
/// Right-sizing with the horizontal policy in the loop. First the vertical answer, as VPA gives it: the decayed CPU
/// percentile plus a margin and the memory percentile of peaks plus a margin, mapped to the cheapest valid size. Then the
/// count: each candidate size (the vertical answer, today's, and per vCPU level the cheapest size with enough memory)
/// replays the target's recorded demand through its own policies in the closed-loop simulator, and the cheapest candidate
/// whose under-provisioned time is at or below today's wins. Without a demand trace, counts stay as they ran.
/// </summary>
public static class RightSizer
{
    private static readonly CultureInfo Text = CultureInfo.InvariantCulture;

    /// <summary>The recommendation; null when the target has no size or no usage in the look-back.</summary>
    public static RightSizeRecommendation? Recommend(TargetProfile profile, RightSizeOptions options)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(options);
        if (profile.Size is not { } current || profile.Usage.Count == 0)
        {
            return null;
        }

        var usage = Recent(profile.Usage, options.LookbackDays);
        var end = usage[^1].At.AddHours(UsageSeries.HoursOf(usage, usage.Count - 1));
        var cpu = new List<(double, double)>(usage.Count);
        var memory = new List<(double, double)>(usage.Count);
        for (var i = 0; i < usage.Count; i++)
        {
            var weight = UsageSeries.HoursOf(usage, i) * WeightedPercentile.Decay((end - usage[i].At).TotalDays, options.HalfLifeDays);
            cpu.Add((usage[i].CpuPercent / 100 * current.Vcpu, weight));
            if (usage[i].MemoryPercent is { } m)
            {
                memory.Add((m / 100 * current.MemoryGiB, weight));
            }
        }

        var cpuNeed = WeightedPercentile.Of(cpu, options.CpuPercentile) * (1 + options.CpuMargin);
        var memoryMeasured = memory.Count > 0;
        var memoryNeed = memoryMeasured ? WeightedPercentile.Of(memory, options.MemoryPercentile) * (1 + options.MemoryMargin) : current.MemoryGiB;
        double Price(InstanceSize size) => profile.Prices.HourlyPrice(size);
        var vertical = SizeCatalog.CheapestAtLeast(profile.Platform, cpuNeed, memoryNeed, Price);
        var sizes = new List<InstanceSize> { current };
        if (vertical is { } v && !sizes.Contains(v))
        {
            sizes.Add(v);
        }

        var simulate = profile.Demand is { IsDemandMode: true };
        if (simulate)
        {
            sizes.AddRange(SizeCatalog.CountCandidates(profile.Platform, current, memoryNeed, Price).Where(s => !sizes.Contains(s)));
        }

        var priced = sizes.Select(size => PriceCandidate(profile, usage, current, size, simulate)).ToList();
        var baseline = priced[0];
        var candidates = priced
            .Select(c => c with { KeepsService = c.UnderProvisionedPercent is null || c.UnderProvisionedPercent <= baseline.UnderProvisionedPercent + 1e-9 })
            .OrderBy(c => c.MonthlyCost)
            .ToList();
        baseline = candidates.First(c => c.Size == current);
        var best = candidates.FirstOrDefault(c => c.KeepsService && c.Size.MemoryGiB + 1e-9 >= Math.Min(memoryNeed, current.MemoryGiB)) ?? baseline;
        var worthIt = baseline.MonthlyCost - best.MonthlyCost >= baseline.MonthlyCost * options.MinSavingsPercent / 100;
        var recommended = worthIt ? best : baseline;
        var lines = Explain(profile, options, current, cpuNeed, memoryNeed, memoryMeasured, vertical, baseline, recommended, best, simulate, candidates.Count);
        return new RightSizeRecommendation(baseline, recommended, vertical, candidates, UsageSeries.Days(usage), lines);
    }

    private static List<UsageSample> Recent(IReadOnlyList<UsageSample> usage, double lookbackDays)
    {
        var end = usage[^1].At.AddHours(UsageSeries.HoursOf(usage, usage.Count - 1));
        var from = end.AddDays(-lookbackDays);
        var recent = usage.Where(u => u.At >= from).ToList();
        return recent.Count > 0 ? recent : [usage[^1]];
    }

    private static SizeCandidate PriceCandidate(TargetProfile profile, List<UsageSample> usage, InstanceSize current, InstanceSize size, bool simulate)
    {
        double hours = 0, over = 0, memoryHours = 0, memoryOver = 0, instanceHours = 0;
        var peak = 0;
        for (var i = 0; i < usage.Count; i++)
        {
            var h = UsageSeries.HoursOf(usage, i);
            hours += h;
            instanceHours += usage[i].Instances * h;
            peak = Math.Max(peak, usage[i].Instances);
            over += usage[i].CpuPercent / 100 * current.Vcpu > size.Vcpu + 1e-9 ? h : 0;
            if (usage[i].MemoryPercent is { } m)
            {
                memoryHours += h;
                memoryOver += m / 100 * current.MemoryGiB > size.MemoryGiB + 1e-9 ? h : 0;
            }
        }

        var cpuOver = hours > 0 ? 100 * over / hours : 0;
        double? memoryOverPercent = memoryHours > 0 ? 100 * memoryOver / memoryHours : null;
        var hourly = profile.Prices.HourlyPrice(size);
        if (!simulate)
        {
            var mean = hours > 0 ? instanceHours / hours : 0;
            return new SizeCandidate(size, mean, peak, hourly * mean * Pricing.PriceModel.HoursPerMonth, null, cpuOver, memoryOverPercent);
        }

        var request = DemandRescaler.For(profile.Demand!, current, size, profile.CpuMetric, profile.MemoryMetric);
        var result = Simulator.Run(request, SimulationOptions.SummaryOnly);
        var summary = result.Summary;
        var scoredHours = (summary.ScoredTo - summary.ScoredFrom).TotalHours;
        var meanInstances = scoredHours > 0 ? summary.CapacityHours / scoredHours : summary.PeakCapacity;
        return new SizeCandidate(
            size, meanInstances, summary.PeakCapacity, hourly * meanInstances * Pricing.PriceModel.HoursPerMonth, summary.Demand?.UnderProvisionedPercent ?? 0, cpuOver, memoryOverPercent)
        {
            Bounds = (request.Target.Min, request.Target.Max),
        };
    }

    private static List<string> Explain(
        TargetProfile profile, RightSizeOptions options, InstanceSize current, double cpuNeed, double memoryNeed, bool memoryMeasured,
        InstanceSize? vertical, SizeCandidate baseline, SizeCandidate recommended, SizeCandidate best, bool simulate, int count)
    {
        var lines = new List<string>
        {
            string.Create(Text, $"CPU p{options.CpuPercentile:0.#} (recent days weighted, half-life {options.HalfLifeDays:0.#} d) + {options.CpuMargin:P0} margin = {cpuNeed:0.###} vCPU per instance at today's count (size {current.Vcpu:0.##} vCPU)"),
            memoryMeasured
                ? string.Create(Text, $"memory p{options.MemoryPercentile:0.#} of peaks + {options.MemoryMargin:P0} margin = {memoryNeed:0.###} GiB per instance (size {current.MemoryGiB:0.##} GiB); no candidate goes below it")
                : string.Create(Text, $"memory not measured: memory kept at {current.MemoryGiB:0.##} GiB or more"),
            vertical is { } v
                ? $"vertical sizing alone ({profile.Platform}): {v}"
                : $"no {profile.Platform} size is that large; the largest sizes are candidates only through the count",
        };
        if (simulate)
        {
            lines.Add(string.Create(Text, $"count: {count} sizes replayed through the target's own policies on its recorded demand; today's size falls short {baseline.UnderProvisionedPercent:0.##} % of the time, mean {baseline.MeanInstances:0.##} instances"));
        }
        else
        {
            lines.Add("count: no demand trace, so instance counts are kept as they ran (not re-simulated)");
        }

        if (recommended.Size == current)
        {
            lines.Add(best.Size == current
                ? "keep the current size: no candidate is cheaper without falling short more often"
                : string.Create(Text, $"keep the current size: the best candidate, {best.Size}, saves less than {options.MinSavingsPercent:0.#} % ({baseline.MonthlyCost - best.MonthlyCost:0.00}/month)"));
        }
        else
        {
            lines.Add(string.Create(Text, $"recommend {recommended.Size} × mean {recommended.MeanInstances:0.##} (peak {recommended.PeakInstances}): {recommended.MonthlyCost:0.00}/month instead of {baseline.MonthlyCost:0.00}, saving {baseline.MonthlyCost - recommended.MonthlyCost:0.00}"));
            var memoryRisk = recommended.MemoryOverPercent is { } m ? string.Create(Text, $", memory {m:0.#} %") : string.Empty;
            lines.Add(string.Create(Text, $"risk: at today's count one instance would have exceeded the new CPU {recommended.CpuOverPercent:0.#} % of the time{memoryRisk}"));
            if (simulate)
            {
                lines.Add(string.Create(Text, $"the policies' count absorbs that in the replay: short {recommended.UnderProvisionedPercent:0.##} % of the time (today {baseline.UnderProvisionedPercent:0.##} %), bounds {recommended.Bounds.Min}–{recommended.Bounds.Max}"));
            }
        }

        return lines;
    }
}
