using System.Text.Json.Nodes;
using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Grains.Fleet;

/// <summary>The fields that differ between two declared documents (<see cref="FleetJson"/>): objects field by field,
/// policies by name, anything else as a whole value.</summary>
public static class FleetDiff
{
    /// <summary>Every field of <paramref name="current"/> and <paramref name="desired"/> whose values differ.</summary>
    public static IReadOnlyList<FieldChange> Fields(JsonObject current, JsonObject desired)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(desired);
        var changes = new List<FieldChange>();
        Compare(string.Empty, current, desired, changes);
        return changes;
    }

    private static void Compare(string path, JsonNode? current, JsonNode? desired, List<FieldChange> changes)
    {
        if (current is JsonObject before && desired is JsonObject after)
        {
            foreach (var name in after.Select(p => p.Key).Concat(before.Select(p => p.Key)).Distinct(StringComparer.Ordinal))
            {
                var field = path.Length == 0 ? name : $"{path}.{name}";
                if (field == "policies" && before[name] is JsonArray oldPolicies && after[name] is JsonArray newPolicies)
                {
                    ComparePolicies(oldPolicies, newPolicies, changes);
                }
                else
                {
                    Compare(field, before[name], after[name], changes);
                }
            }

            return;
        }

        if (!JsonNode.DeepEquals(current, desired))
        {
            changes.Add(new FieldChange(path, current?.ToJsonString(), desired?.ToJsonString()));
        }
    }

    private static void ComparePolicies(JsonArray current, JsonArray desired, List<FieldChange> changes)
    {
        var before = Named(current);
        var after = Named(desired);
        var found = changes.Count;
        foreach (var name in after.Keys.Concat(before.Keys).Distinct(StringComparer.Ordinal))
        {
            var old = before.GetValueOrDefault(name);
            var @new = after.GetValueOrDefault(name);
            if (!JsonNode.DeepEquals(old, @new))
            {
                changes.Add(new FieldChange($"policies.{name}", old?.ToJsonString(), @new?.ToJsonString()));
            }
        }

        // Same policies in another order evaluate the same; the order is still what the files say, so it counts.
        if (changes.Count == found && !before.Keys.SequenceEqual(after.Keys, StringComparer.Ordinal))
        {
            changes.Add(new FieldChange("policies", $"[{string.Join(",", before.Keys)}]", $"[{string.Join(",", after.Keys)}]"));
        }
    }

    private static Dictionary<string, JsonNode?> Named(JsonArray policies)
    {
        var named = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        for (var i = 0; i < policies.Count; i++)
        {
            var name = policies[i] is JsonObject policy && policy["name"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : $"#{i}";
            named[name] = policies[i];
        }

        return named;
    }
}
