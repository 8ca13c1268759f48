using System.Buffers;
using System.Text;
using System.Text.Json;
using Autoscaler.Scaling.Policies;

namespace Autoscaler.Alarms.Json;

/// <summary>A <c>scale</c> action's inline steps as the engine's step-scaling policy JSON, to hand to the target that runs it.</summary>
public static class StepPolicyJson
{
    /// <summary>The policy as <c>{ "name", "type": "stepScaling", "metric", "threshold", "adjustmentType", "steps", ... }</c>.</summary>
    public static string Write(StepScalingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("name", policy.Name);
            writer.WriteString("type", StepScalingPolicy.TypeName);
            writer.WriteString("metric", policy.Metric);
            writer.WriteNumber("threshold", policy.Threshold);
            writer.WriteString("adjustmentType", policy.AdjustmentType.ToString());
            if (policy.MinAdjustmentMagnitude is { } minimum)
            {
                writer.WriteNumber("minAdjustmentMagnitude", minimum);
            }

            writer.WriteNumber("cooldownSeconds", policy.CooldownSeconds);
            writer.WriteStartArray("steps");
            foreach (var step in policy.Steps)
            {
                writer.WriteStartObject();
                Bound(writer, "lower", step.Lower);
                Bound(writer, "upper", step.Upper);
                writer.WriteNumber("adjustment", step.Adjustment);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Bound(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } bound)
        {
            writer.WriteNumber(name, bound);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
