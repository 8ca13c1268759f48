using Autoscaler.Scaling.Model;

namespace Autoscaler.Scaling.Json;

/// <summary>
/// Reads <c>history</c>: <c>recommendations</c>, <c>scaleEvents</c> (signed <c>change</c>), and the extensions
/// <c>evaluationsWithoutData</c> and <c>lastActiveAt</c>.
/// </summary>
public static class HistoryReader
{
    /// <summary>Reads a history object; a list left out is empty.</summary>
    public static ScalingHistory Read(JsonFields fields) =>
        new(
            fields.OptionalArray("recommendations", ReadTimestampedRecommendation) ?? [],
            fields.OptionalArray("scaleEvents", ReadEvent) ?? [])
        {
            EvaluationsWithoutData = fields.OptionalInt("evaluationsWithoutData", 0) ?? 0,
            LastActiveAt = fields.OptionalTime("lastActiveAt"),
        };

    private static TimestampedRecommendation ReadTimestampedRecommendation(JsonFields fields) =>
        new(fields.RequiredTime("at"), fields.RequiredInt("replicas", 0));

    private static ScaleEvent ReadEvent(JsonFields fields)
    {
        var at = fields.RequiredTime("at");
        var change = fields.RequiredInt("change", -1_000_000, 1_000_000);
        if (change == 0)
        {
            throw fields.Error("change", "must not be 0 (positive for scale-out, negative for scale-in)");
        }

        return new ScaleEvent(at, change, fields.OptionalString("policy"));
    }
}
