using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Autoscaler.Manifests;

/// <summary>Writes documents (<c>kind</c> first, then the body's fields) as YAML separated by <c>---</c>, or as an
/// indented JSON array: what <c>autoscaler export</c> prints and <see cref="ManifestReader"/> reads back.</summary>
public static class ManifestWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The documents as YAML.</summary>
    public static string Yaml(IEnumerable<(string Kind, JsonObject Body)> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var text = new StringWriter { NewLine = "\n" };
        var first = true;
        foreach (var (kind, body) in documents)
        {
            if (!first)
            {
                text.Write("---\n");
            }

            first = false;
            var stream = new YamlStream(new YamlDocument(YamlJson.ToYaml(WithKind(kind, body))));
            var yaml = new StringWriter { NewLine = "\n" };
            stream.Save(yaml, assignAnchors: false);
            // YamlStream ends each document with "...": not needed between documents separated by ---.
            text.Write(yaml.ToString().Replace("\n...\n", "\n", StringComparison.Ordinal).TrimEnd('\n') + "\n");
        }

        return text.ToString();
    }

    /// <summary>The documents as a JSON array.</summary>
    public static string Json(IEnumerable<(string Kind, JsonObject Body)> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return new JsonArray([.. documents.Select(d => (JsonNode)WithKind(d.Kind, d.Body))]).ToJsonString(Indented) + "\n";
    }

    private static JsonObject WithKind(string kind, JsonObject body)
    {
        var document = new JsonObject { ["kind"] = kind };
        foreach (var (name, value) in body)
        {
            document[name] = value?.DeepClone();
        }

        return document;
    }
}
