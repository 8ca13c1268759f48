using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Autoscaler.Scaling.Tuning;

/// <summary>Sets a value at a dotted path with <c>[i]</c> indices in a JSON object, creating missing objects on the way.</summary>
public static partial class JsonPaths
{
    /// <summary>True when <paramref name="path"/> is well formed (<c>name(.name|[i])*</c>).</summary>
    public static bool IsValid(string path) => Shape().IsMatch(path);

    /// <summary>Sets <paramref name="value"/> (a copy) at <paramref name="path"/>; an index must address an existing item.</summary>
    public static void Set(JsonObject root, string path, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(root);
        var segments = Segments(path);
        JsonNode node = root;
        for (var i = 0; i < segments.Count; i++)
        {
            var last = i == segments.Count - 1;
            var copy = value?.DeepClone();
            switch (segments[i])
            {
                case int index:
                    var array = node as JsonArray ?? throw new ArgumentException($"{path}: not an array before [{index}]");
                    if (index >= array.Count)
                    {
                        throw new ArgumentException($"{path}: index {index} is past the array's {array.Count} items");
                    }

                    if (last)
                    {
                        array[index] = copy;
                        return;
                    }

                    node = array[index] ?? throw new ArgumentException($"{path}: item {index} is null");
                    break;
                case string name:
                    var obj = node as JsonObject ?? throw new ArgumentException($"{path}: not an object before {name}");
                    if (last)
                    {
                        obj[name] = copy;
                        return;
                    }

                    if (obj[name] is not { } child)
                    {
                        child = segments[i + 1] is int ? new JsonArray() : new JsonObject();
                        obj[name] = child;
                    }

                    node = child;
                    break;
            }
        }
    }

    private static List<object> Segments(string path)
    {
        if (!IsValid(path))
        {
            throw new ArgumentException($"{path}: a path is names joined by '.', with [i] indices");
        }

        var segments = new List<object>();
        foreach (Match match in Segment().Matches(path))
        {
            segments.Add(match.Groups[1].Success ? match.Groups[1].Value : int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
        }

        return segments;
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])*$")]
    private static partial Regex Shape();

    [GeneratedRegex(@"([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")]
    private static partial Regex Segment();
}
