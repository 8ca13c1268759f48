using System.Text.Json;
using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Simulation;

namespace Autoscaler.Scaling.Json;

/// <summary>
/// Writes a <see cref="SimulationResult"/>: <c>decisions</c>, <c>capacity</c>, <c>summary</c> (and, with variants, one
/// such object per variant). <see cref="SimulationStreamWriter"/> writes the same document while the simulation runs.
/// </summary>
public static class SimulationWriter
{
    /// <summary>Writes the result as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        writer.WriteStartObject();
        writer.WriteStartArray("decisions");
        foreach (var decision in result.Decisions)
        {
            DecisionWriter.Write(writer, decision.Decision, decision.At, includeHistory: false);
        }

        writer.WriteEndArray();
        WriteTail(writer, result);
        writer.WriteEndObject();
    }

    /// <summary>Writes <c>capacity</c> and <c>summary</c> into the open object.</summary>
    public static void WriteTail(Utf8JsonWriter writer, SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        WriteCapacity(writer, "capacity", result.Capacity);
        writer.WritePropertyName("summary");
        WriteSummary(writer, result.Summary);
        if (result.Recorded is { } recorded)
        {
            writer.WriteStartObject("recorded");
            writer.WritePropertyName("summary");
            WriteSummary(writer, recorded);
            writer.WriteEndObject();
        }
    }

    /// <summary>Writes a capacity timeline as an array of <c>{ "at", "capacity" }</c>.</summary>
    public static void WriteCapacity(Utf8JsonWriter writer, string name, IReadOnlyList<CapacityPoint> capacity)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(capacity);
        writer.WriteStartArray(name);
        foreach (var point in capacity)
        {
            writer.WriteStartObject();
            writer.WriteString("at", Rfc3339.Format(point.At));
            writer.WriteNumber("capacity", point.Capacity);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a summary object (contract: simulate.md, scoring).</summary>
    public static void WriteSummary(Utf8JsonWriter writer, SimulationSummary summary)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(summary);
        writer.WriteStartObject();
        writer.WriteNumber("evaluations", summary.Evaluations);
        writer.WriteNumber("scaleOuts", summary.ScaleOuts);
        writer.WriteNumber("scaleIns", summary.ScaleIns);
        writer.WriteNumber("capacityHours", Math.Round(summary.CapacityHours, 6));
        writer.WriteNumber("cost", Math.Round(summary.Cost, 6));
        writer.WriteNumber("peakCapacity", summary.PeakCapacity);
        writer.WriteNumber("lowestCapacity", summary.LowestCapacity);
        writer.WriteStartObject("secondsAboveTarget");
        foreach (var (policy, seconds) in summary.SecondsAboveTarget)
        {
            writer.WriteNumber(policy, seconds);
        }

        writer.WriteEndObject();
        writer.WriteStartObject("scored");
        writer.WriteString("from", Rfc3339.Format(summary.ScoredFrom));
        writer.WriteString("to", Rfc3339.Format(summary.ScoredTo));
        writer.WriteEndObject();
        if (summary.Demand is { } demand)
        {
            writer.WriteNumber("underProvisionedSeconds", Math.Round(demand.UnderProvisionedSeconds, 3));
            writer.WriteNumber("underProvisionedPercent", Math.Round(demand.UnderProvisionedPercent, 4));
            writer.WriteNumber("maxShortfall", demand.MaxShortfall);
            writer.WriteNumber("oracleCapacityHours", Math.Round(demand.OracleCapacityHours, 6));
            writer.WriteNumber("efficiency", Math.Round(demand.Efficiency(summary.CapacityHours), 6));
        }

        writer.WriteEndObject();
    }
}
