using System.Text.Json;

namespace Autoscaler.Scaling.Windows;

/// <summary>Every metric window and history of one target, as persisted in grain state so they survive failover.</summary>
/// <param name="Metrics">One entry per metric.</param>
public sealed record WindowSetSnapshot(IReadOnlyList<MetricSnapshot> Metrics)
{
    /// <summary>Compact System.Text.Json form, independent of whichever serializer the grain storage uses.</summary>
    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>Reads <see cref="ToJson"/>'s output; null when it is not a snapshot.</summary>
    public static WindowSetSnapshot? FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<WindowSetSnapshot>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
