using System.Text.Json.Nodes;

namespace Autoscaler.Manifests;

/// <summary>One document of a configuration file: what it declares (<see cref="Body"/>, the JSON without <c>kind</c>) and
/// where it came from, so an error can name the file, the document and the line of the field at fault.</summary>
/// <param name="File">The file as given (or <c>-</c> for standard input).</param>
/// <param name="Index">The document's position in the file, from 1.</param>
/// <param name="Line">The line the document starts on, from 1.</param>
/// <param name="Kind">Its <c>kind</c>.</param>
/// <param name="Body">Its fields, <c>kind</c> removed.</param>
/// <param name="Lines">Field path (<c>max</c>, <c>policies[0].target.value</c>) → line, where the file says.</param>
public sealed record ManifestDocument(string File, int Index, int Line, string Kind, JsonObject Body, IReadOnlyDictionary<string, int> Lines)
{
    /// <summary>The target id or scope name, if the document has one.</summary>
    public string? Name =>
        Body[ManifestKinds.NameField(Kind)] is JsonValue value && value.TryGetValue<string>(out var name) ? name : null;

    /// <summary>Where a problem with <paramref name="field"/> (a path inside the document, or null) is:
    /// <c>fleet.yaml:14: document 2 (Target web): max</c>.</summary>
    public string Locate(string? field)
    {
        var line = field is not null && Lines.TryGetValue(field, out var at) ? at : Line;
        var what = Name is { } name ? $"{Kind} {name}" : Kind;
        return field is null ? $"{File}:{line}: document {Index} ({what})" : $"{File}:{line}: document {Index} ({what}): {field}";
    }
}
