using System.Text.Json;

namespace Autoscaler.Cli.Remote;

/// <summary>Reads the changes of a <c>POST /fleet</c> answer and words them for the terminal.</summary>
public static class FleetChanges
{
    /// <summary>The changes, in the server's order.</summary>
    public static IReadOnlyList<Change> Read(JsonElement result)
    {
        if (result.ValueKind != JsonValueKind.Object || !result.TryGetProperty("changes", out var changes) || changes.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return [.. changes.EnumerateArray().Select(c => new Change(
            Text(c, "kind") ?? "?", Text(c, "name") ?? "?", Text(c, "action") ?? "?",
            c.TryGetProperty("fields", out var fields) && fields.ValueKind == JsonValueKind.Array
                ? [.. fields.EnumerateArray().Select(f => new Field(Text(f, "path") ?? "?", Text(f, "from"), Text(f, "to")))]
                : []))];
    }

    /// <summary><c>3 created, 1 updated, 5 unchanged, 0 deleted</c>.</summary>
    public static string Summary(JsonElement result)
    {
        var changes = Read(result);
        int Count(string action) => changes.Count(c => c.Action == action);
        return $"{Count("create")} created, {Count("update")} updated, {Count("unchanged")} unchanged, {Count("delete")} deleted";
    }

    /// <summary>The action's past tense.</summary>
    public static string Past(string action) => action switch
    {
        "create" => "created",
        "update" => "updated",
        "delete" => "deleted",
        _ => action,
    };

    /// <summary><c>+</c>, <c>~</c> or <c>-</c>.</summary>
    public static string Sign(string action) => action switch
    {
        "create" => "+",
        "delete" => "-",
        _ => "~",
    };

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>One change.</summary>
    public sealed record Change(string Kind, string Name, string Action, IReadOnlyList<Field> Fields);

    /// <summary>One changed field, as compact JSON.</summary>
    public sealed record Field(string Path, string? From, string? To);
}
