using System.Text.Json;
using Autoscaler.Optimization.Efficiency;
using Autoscaler.Optimization.Purchase;
using Autoscaler.Optimization.RightSizing;
using Autoscaler.Optimization.Schedules;
using Autoscaler.Optimization.Sizing;

namespace Autoscaler.Optimization.Json;

/// <summary>Writes optimisation reports as JSON (the CLI's <c>--format json</c> and the REST routes share it).</summary>
public static class OptimizationWriter
{
    /// <summary>Writes one target's report as an object.</summary>
    public static void Write(Utf8JsonWriter writer, OptimizationReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        writer.WriteStartObject();
        writer.WriteString("target", report.Target);
        writer.WriteNumber("monthlySavings", Round(report.MonthlySavings));
        Strings(writer, "notes", report.Notes);
        writer.WritePropertyName("rightSize");
        WriteRightSize(writer, report.RightSize);
        writer.WritePropertyName("schedule");
        WriteSchedule(writer, report.Schedule);
        writer.WritePropertyName("purchase");
        WritePurchase(writer, report.Purchase);
        writer.WritePropertyName("efficiency");
        WriteEfficiency(writer, report.Efficiency);
        writer.WriteEndObject();
    }

    /// <summary>Writes a fleet's report: totals, then every target.</summary>
    public static void WriteFleet(Utf8JsonWriter writer, FleetReport fleet)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(fleet);
        writer.WriteStartObject();
        writer.WriteNumber("monthlySavings", Round(fleet.MonthlySavings));
        writer.WritePropertyName("efficiency");
        WriteEfficiency(writer, fleet.Efficiency);
        writer.WriteStartArray("targets");
        foreach (var report in fleet.Targets)
        {
            Write(writer, report);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Writes <c>{ vcpu, memoryGiB, cpuUnits, memoryMiB }</c>.</summary>
    public static void WriteSize(Utf8JsonWriter writer, InstanceSize size)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteNumber("vcpu", size.Vcpu);
        writer.WriteNumber("memoryGiB", size.MemoryGiB);
        writer.WriteNumber("cpuUnits", size.CpuUnits);
        writer.WriteNumber("memoryMiB", size.MemoryMiB);
        writer.WriteEndObject();
    }

    private static void WriteRightSize(Utf8JsonWriter writer, RightSizeRecommendation? result)
    {
        if (result is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteBoolean("change", result.IsChange);
        writer.WriteNumber("monthlySavings", Round(result.MonthlySavings));
        writer.WriteNumber("confidenceDays", Round(result.ConfidenceDays));
        writer.WritePropertyName("current");
        WriteCandidate(writer, result.Current);
        writer.WritePropertyName("recommended");
        WriteCandidate(writer, result.Recommended);
        writer.WritePropertyName("verticalOnly");
        if (result.VerticalOnly is { } vertical)
        {
            WriteSize(writer, vertical);
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WriteStartArray("candidates");
        foreach (var candidate in result.Candidates)
        {
            WriteCandidate(writer, candidate);
        }

        writer.WriteEndArray();
        Strings(writer, "explanation", result.Explanation);
        writer.WriteEndObject();
    }

    private static void WriteCandidate(Utf8JsonWriter writer, SizeCandidate candidate)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("size");
        WriteSize(writer, candidate.Size);
        writer.WriteNumber("meanInstances", Round(candidate.MeanInstances));
        writer.WriteNumber("peakInstances", candidate.PeakInstances);
        writer.WriteNumber("monthlyCost", Round(candidate.MonthlyCost));
        Number(writer, "underProvisionedPercent", candidate.UnderProvisionedPercent);
        writer.WriteNumber("cpuOverPercent", Round(candidate.CpuOverPercent));
        Number(writer, "memoryOverPercent", candidate.MemoryOverPercent);
        writer.WriteBoolean("keepsService", candidate.KeepsService);
        if (candidate.UnderProvisionedPercent is not null)
        {
            writer.WriteNumber("min", candidate.Bounds.Min);
            writer.WriteNumber("max", candidate.Bounds.Max);
        }

        writer.WriteEndObject();
    }

    private static void WriteSchedule(Utf8JsonWriter writer, ScheduleRecommendation result)
    {
        writer.WriteStartObject();
        writer.WriteString("pattern", result.Pattern.ToString().ToLowerInvariant());
        writer.WriteNumber("pValue", Round(result.PValue));
        writer.WriteNumber("explained", Round(result.Explained));
        Number(writer, "monthlyCostBefore", result.MonthlyCostBefore);
        Number(writer, "monthlyCostAfter", result.MonthlyCostAfter);
        Number(writer, "monthlySavings", result.MonthlySavings);
        Number(writer, "underProvisionedPercentBefore", result.UnderProvisionedBefore);
        Number(writer, "underProvisionedPercentAfter", result.UnderProvisionedAfter);
        writer.WritePropertyName("policy");
        if (result.Actions.Count == 0)
        {
            writer.WriteNullValue();
        }
        else
        {
            // A complete `scheduled` policy: paste it into the target's policies or apply it with `autoscaler policies apply`.
            var policy = ScheduleDetector.ToPolicy(result.Actions);
            writer.WriteStartObject();
            writer.WriteString("name", policy.Name);
            writer.WriteString("type", policy.Type);
            writer.WriteStartArray("actions");
            foreach (var action in result.Actions)
            {
                writer.WriteStartObject();
                writer.WriteString("name", action.Name);
                writer.WriteString("schedule", action.Cron);
                writer.WriteNumber("minCapacity", action.MinCapacity);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        Strings(writer, "explanation", result.Explanation);
        writer.WriteEndObject();
    }

    private static void WritePurchase(Utf8JsonWriter writer, PurchaseRecommendation? result)
    {
        if (result is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteNumber("committedInstances", result.CommittedInstances);
        writer.WriteNumber("commitmentMonthlySavings", Round(result.CommitmentMonthlySavings));
        writer.WriteNumber("spotShare", Round(result.SpotShare));
        writer.WriteNumber("spotMonthlySavings", Round(result.SpotMonthlySavings));
        writer.WriteNumber("monthlySavings", Round(result.MonthlySavings));
        Strings(writer, "explanation", result.Explanation);
        writer.WriteEndObject();
    }

    private static void WriteEfficiency(Utf8JsonWriter writer, EfficiencyReport report)
    {
        writer.WriteStartObject();
        writer.WriteNumber("cost", Round(report.Cost));
        writer.WriteNumber("hours", Round(report.Hours));
        writer.WriteNumber("cpuUtilizationPercent", Round(report.CpuUtilizationPercent));
        Number(writer, "memoryUtilizationPercent", report.MemoryUtilizationPercent);
        writer.WriteNumber("efficiency", Round(report.Efficiency));
        writer.WriteNumber("wastePercent", Round(report.WastePercent));
        writer.WriteNumber("wastedCost", Round(report.WastedCost));
        writer.WriteNumber("agentHours", Round(report.AgentHours));
        writer.WriteNumber("costPerAgentHour", Math.Round(report.CostPerAgentHour, 6));
        writer.WriteStartObject("goals");
        writer.WriteNumber("maxCostPerAgentHour", report.Goals.MaxCostPerAgentHour);
        writer.WriteNumber("maxWastePercent", report.Goals.MaxWastePercent);
        writer.WriteNumber("minUtilizationPercent", report.Goals.MinUtilizationPercent);
        writer.WriteEndObject();
        writer.WriteBoolean("meetsGoals", report.MeetsGoals);
        writer.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, Round(v));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void Strings(Utf8JsonWriter writer, string name, IReadOnlyList<string> lines)
    {
        writer.WriteStartArray(name);
        foreach (var line in lines)
        {
            writer.WriteStringValue(line);
        }

        writer.WriteEndArray();
    }

    private static double Round(double value) => Math.Round(value, 4);
}
