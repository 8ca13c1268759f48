using System.Text.Json;
using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Simulation;

namespace Autoscaler.Scaling.Json;

/// <summary>Writes a <see cref="SimulationResult"/>: <c>decisions</c>, <c>capacity</c>, <c>summary</c>.</summary>
public static class SimulationWriter
{
    /// <summary>Writes the result as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, SimulationResult result)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("decisions");
        foreach (var decision in result.Decisions)
        {
            DecisionWriter.Write(writer, decision.Decision, decision.At, includeHistory: false);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("capacity");
        foreach (var point in result.Capacity)
        {
            writer.WriteStartObject();
            writer.WriteString("at", Rfc3339.Format(point.At));
            writer.WriteNumber("capacity", point.Capacity);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        var summary = result.Summary;
        writer.WriteStartObject("summary");
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
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
