using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Autoscaler.Manifests;

/// <summary>
/// Configuration documents as one fleet: the body of <c>POST /api/autoscaling/fleet</c> (<c>targets</c>, <c>supervisors</c>)
/// built from them, and the way back from an error the API names by place (<c>targets[3].max</c>) to the file, line and
/// document it came from. The CLI (<c>apply</c>, <c>diff</c>) and the silo (<c>Autoscaler:ConfigPath</c>) share it.
/// </summary>
public sealed partial class FleetFiles
{
    private FleetFiles(IReadOnlyList<ManifestDocument> targets, IReadOnlyList<ManifestDocument> supervisors)
    {
        Targets = targets;
        Supervisors = supervisors;
    }

    /// <summary>The <c>Target</c> documents, in file order.</summary>
    public IReadOnlyList<ManifestDocument> Targets { get; }

    /// <summary>The <c>Supervisor</c> documents, in file order.</summary>
    public IReadOnlyList<ManifestDocument> Supervisors { get; }

    /// <summary>Sorts <paramref name="documents"/> by kind; a target id or scope declared twice is an error naming both places.</summary>
    public static FleetFiles Of(IReadOnlyList<ManifestDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var errors = new List<ManifestError>();
        foreach (var group in documents.Where(d => d.Name is not null).GroupBy(d => (d.Kind, d.Name)).Where(g => g.Count() > 1))
        {
            var first = group.First();
            errors.AddRange(group.Skip(1).Select(d => new ManifestError(d.Locate(ManifestKinds.NameField(d.Kind)), $"'{d.Name}' is also declared at {first.Locate(null)}")));
        }

        return errors.Count > 0
            ? throw new ManifestException(errors)
            : new FleetFiles([.. documents.Where(d => d.Kind == ManifestKinds.Target)], [.. documents.Where(d => d.Kind == ManifestKinds.Supervisor)]);
    }

    /// <summary>The documents of an export (<c>GET /api/autoscaling/fleet</c>): scopes first, then targets.</summary>
    public static IEnumerable<(string Kind, JsonObject Body)> Documents(JsonObject export)
    {
        ArgumentNullException.ThrowIfNull(export);
        foreach (var (kind, list) in new[] { (ManifestKinds.Supervisor, "supervisors"), (ManifestKinds.Target, "targets") })
        {
            foreach (var item in export[list] as JsonArray ?? [])
            {
                if (item is JsonObject body)
                {
                    yield return (kind, body);
                }
            }
        }
    }

    /// <summary>The apply request: every document's body, and the two switches.</summary>
    public JsonObject Request(bool prune, bool dryRun) => new()
    {
        ["targets"] = new JsonArray([.. Targets.Select(d => (JsonNode)d.Body.DeepClone())]),
        ["supervisors"] = new JsonArray([.. Supervisors.Select(d => (JsonNode)d.Body.DeepClone())]),
        ["prune"] = prune,
        ["dryRun"] = dryRun,
    };

    /// <summary>Where the field the API names as <paramref name="key"/> (<c>targets[3].policies[0].target.value</c>) is
    /// declared; a key naming no document is returned as it is.</summary>
    public string Locate(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var match = Place().Match(key);
        if (!match.Success)
        {
            return key;
        }

        var list = match.Groups["list"].Value == "targets" ? Targets : Supervisors;
        var index = int.Parse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var field = match.Groups["field"].Success ? match.Groups["field"].Value : null;
        return index < list.Count ? list[index].Locate(field) : key;
    }

    /// <summary>The API's field errors, located in the files.</summary>
    public IReadOnlyList<ManifestError> Errors(IEnumerable<KeyValuePair<string, string[]>> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return [.. errors.SelectMany(e => e.Value.Select(message => new ManifestError(Locate(e.Key), message)))];
    }

    [GeneratedRegex(@"^(?<list>targets|supervisors)\[(?<index>[0-9]+)\](\.(?<field>.+))?$")]
    private static partial Regex Place();
}
