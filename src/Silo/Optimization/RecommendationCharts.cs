using System.Globalization;
using System.Text.Json;
using Autoscaler.Optimization;
using Autoscaler.Optimization.Schedules;
using Autoscaler.Optimization.Sizing;
using Autoscaler.Optimization.Usage;

namespace Autoscaler.Silo.Optimization;

/// <summary>
/// The data of the chart that justifies a recommendation, as JSON the dashboard draws: for a right-size, histograms of
/// the vCPU and memory one instance used (hours per bucket) with the current and recommended size; for a schedule, the
/// instances needed by hour of week (mean and peak) with the proposed minimum.
/// </summary>
internal static class RecommendationCharts
{
    private const int Buckets = 20;

    /// <summary>Usage histograms against the current and recommended size.</summary>
    public static string Usage(IReadOnlyList<UsageSample> usage, InstanceSize current, InstanceSize recommended) => JsonText.Object(writer =>
    {
        writer.WriteString("type", "usage-histogram");
        Histogram(writer, "cpu", "vCPU", usage, s => s.CpuPercent / 100 * current.Vcpu, current.Vcpu, recommended.Vcpu);
        if (usage.Any(u => u.MemoryPercent is not null))
        {
            Histogram(writer, "memory", "GiB", usage, s => s.MemoryPercent is { } m ? m / 100 * current.MemoryGiB : null, current.MemoryGiB, recommended.MemoryGiB);
        }
    });

    /// <summary>Need by hour of week (0 = Sunday 00:00 UTC) against the proposed minimum.</summary>
    public static string Schedule(TargetProfile profile, IReadOnlyList<ScheduledMinimum> actions) => JsonText.Object(writer =>
    {
        var sums = new double[168];
        var counts = new int[168];
        var peaks = new int[168];
        foreach (var (hour, need) in HourlyNeed.Of(profile))
        {
            var slot = Slot(hour);
            sums[slot] += need;
            counts[slot]++;
            peaks[slot] = Math.Max(peaks[slot], need);
        }

        writer.WriteString("type", "hour-of-week");
        writer.WriteStartArray("hours");
        var minimum = MinimumByHour(actions);
        for (var slot = 0; slot < 168; slot++)
        {
            writer.WriteStartObject();
            writer.WriteNumber("hour", slot);
            if (counts[slot] > 0)
            {
                writer.WriteNumber("meanNeed", Math.Round(sums[slot] / counts[slot], 2));
                writer.WriteNumber("peakNeed", peaks[slot]);
            }

            writer.WriteNumber("proposedMin", minimum[slot]);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    /// <summary>
    /// The minimum in force at each hour of week: each action holds from its hour until the next action (the proposals
    /// are <c>cron(0 H * * ? *)</c> daily or <c>cron(0 H ? * DDD *)</c> weekly, in UTC).
    /// </summary>
    public static int[] MinimumByHour(IReadOnlyList<ScheduledMinimum> actions)
    {
        var starts = new int?[168];
        foreach (var action in actions)
        {
            var fields = action.Cron.TrimStart('c', 'r', 'o', 'n', '(').TrimEnd(')').Split(' ');
            var hour = int.Parse(fields[1], CultureInfo.InvariantCulture);
            var day = Array.IndexOf(Days, fields[4]);
            foreach (var d in day >= 0 ? [day] : Enumerable.Range(0, 7))
            {
                starts[(d * 24) + hour] = action.MinCapacity;
            }
        }

        var result = new int[168];
        var last = starts.LastOrDefault(s => s is not null) ?? 0;
        for (var slot = 0; slot < 168; slot++)
        {
            last = starts[slot] ?? last;
            result[slot] = last;
        }

        return result;
    }

    private static readonly string[] Days = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private static int Slot(DateTimeOffset hour) => ((int)hour.UtcDateTime.DayOfWeek * 24) + hour.UtcDateTime.Hour;

    private static void Histogram(
        Utf8JsonWriter writer, string name, string unit, IReadOnlyList<UsageSample> usage, Func<UsageSample, double?> used, double current, double recommended)
    {
        var top = Math.Max(Math.Max(current, recommended), usage.Select(used).Max() ?? 0);
        var width = top / Buckets;
        var hours = new double[Buckets];
        for (var i = 0; i < usage.Count; i++)
        {
            if (used(usage[i]) is { } value && width > 0)
            {
                hours[Math.Min(Buckets - 1, (int)(value / width))] += UsageSeries.HoursOf(usage, i);
            }
        }

        writer.WriteStartObject(name);
        writer.WriteString("unit", unit);
        writer.WriteNumber("current", current);
        writer.WriteNumber("recommended", recommended);
        writer.WriteNumber("bucketWidth", Math.Round(width, 6));
        writer.WriteStartArray("hours");
        foreach (var h in hours)
        {
            writer.WriteNumberValue(Math.Round(h, 3));
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
