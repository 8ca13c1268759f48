using System.Text.Json;
using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Policies;

namespace Autoscaler.Scaling.Json;

/// <summary>
/// Writes a <see cref="ScalingDecision"/> in the contract's shape (<c>current</c>, <c>desired</c>, <c>proposals</c>,
/// <c>stabilized</c>, <c>limitedBy</c>, <c>explanation</c>), followed by extensions: <c>recommendation</c>,
/// <c>drivenBy</c>, <c>min</c>, <c>max</c>, <c>evaluationsWithoutData</c>, <c>lastActiveAt</c> and <c>history</c> (the
/// input for the next evaluation, assuming the decision is applied).
/// </summary>
public static class DecisionWriter
{
    /// <summary>Writes the decision as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, ScalingDecision decision, DateTimeOffset? at = null, bool includeHistory = true)
    {
        writer.WriteStartObject();
        if (at is { } time)
        {
            writer.WriteString("at", Rfc3339.Format(time));
        }

        writer.WriteNumber("current", decision.Current);
        writer.WriteNumber("desired", decision.Desired);
        writer.WriteStartArray("proposals");
        foreach (var proposal in decision.Proposals)
        {
            WriteProposal(writer, proposal);
        }

        writer.WriteEndArray();
        writer.WriteNumber("stabilized", decision.Stabilized);
        if (decision.LimitedBy is { } limitedBy)
        {
            writer.WriteString("limitedBy", limitedBy.ToString());
        }
        else
        {
            writer.WriteNull("limitedBy");
        }

        writer.WriteStartArray("explanation");
        foreach (var line in decision.Explanation)
        {
            writer.WriteStringValue(line);
        }

        writer.WriteEndArray();
        writer.WriteNumber("recommendation", decision.Recommendation);
        if (decision.DrivenBy is { } drivenBy)
        {
            writer.WriteString("drivenBy", drivenBy);
        }

        writer.WriteNumber("min", decision.Min);
        writer.WriteNumber("max", decision.Max);
        writer.WriteNumber("evaluationsWithoutData", decision.EvaluationsWithoutData);
        if (decision.LastActiveAt is { } lastActive)
        {
            writer.WriteString("lastActiveAt", Rfc3339.Format(lastActive));
        }

        if (includeHistory)
        {
            writer.WritePropertyName("history");
            WriteHistory(writer, decision.NextHistory);
        }
        writer.WriteEndObject();
    }

    /// <summary>Writes a history in the input's shape, so a decision's output can feed the next evaluation.</summary>
    public static void WriteHistory(Utf8JsonWriter writer, ScalingHistory history)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("recommendations");
        foreach (var recommendation in history.Recommendations)
        {
            writer.WriteStartObject();
            writer.WriteString("at", Rfc3339.Format(recommendation.At));
            writer.WriteNumber("replicas", recommendation.Replicas);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("scaleEvents");
        foreach (var scaleEvent in history.ScaleEvents)
        {
            writer.WriteStartObject();
            writer.WriteString("at", Rfc3339.Format(scaleEvent.At));
            writer.WriteNumber("change", scaleEvent.Change);
            if (scaleEvent.Policy is { } policy)
            {
                writer.WriteString("policy", policy);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteNumber("evaluationsWithoutData", history.EvaluationsWithoutData);
        if (history.LastActiveAt is { } lastActive)
        {
            writer.WriteString("lastActiveAt", Rfc3339.Format(lastActive));
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes one proposal; absent values are left out.</summary>
    public static void WriteProposal(Utf8JsonWriter writer, PolicyProposal proposal)
    {
        writer.WriteStartObject();
        writer.WriteString("policy", proposal.Policy);
        writer.WriteString("type", proposal.Type);
        writer.WriteString("status", JsonNamingPolicy.CamelCase.ConvertName(proposal.Status.ToString()));
        if (proposal.Desired is { } desired)
        {
            writer.WriteNumber("desired", desired);
        }

        WriteOptional(writer, "metricValue", proposal.MetricValue);
        if (proposal.Ratio is { } ratio && double.IsFinite(ratio))
        {
            // A ratio reads as a ratio even when whole ("2.0", as in the contract's example).
            writer.WritePropertyName("ratio");
            writer.WriteRawValue(ratio == Math.Floor(ratio) && Math.Abs(ratio) < 1e15
                ? ratio.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)
                : ratio.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        }
        if (proposal.StepIndex is { } stepIndex)
        {
            writer.WriteNumber("stepIndex", stepIndex);
        }

        if (proposal.Confidence < 1.0)
        {
            writer.WriteNumber("confidence", proposal.Confidence);
        }

        if (!proposal.MayScaleIn)
        {
            writer.WriteBoolean("mayScaleIn", false);
        }

        if (proposal.Bounds is { } bounds)
        {
            writer.WriteStartObject("bounds");
            if (bounds.Min is { } min)
            {
                writer.WriteNumber("min", min);
            }

            if (bounds.Max is { } max)
            {
                writer.WriteNumber("max", max);
            }

            writer.WriteEndObject();
        }

        if (proposal.Floor is { } floor)
        {
            writer.WriteNumber("floor", floor);
        }

        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, double? value)
    {
        // NaN and infinities are not JSON; a proposal carrying one simply omits the field.
        if (value is { } number && double.IsFinite(number))
        {
            writer.WriteNumber(name, number);
        }
    }
}
