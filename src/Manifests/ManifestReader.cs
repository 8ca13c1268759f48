using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Autoscaler.Manifests;

/// <summary>
/// Reads configuration files: YAML (any number of documents separated by <c>---</c>, or a list of documents) or JSON
/// (one object, or an array of them). Every document names its <c>kind</c>. A directory means every <c>.yaml</c>,
/// <c>.yml</c> and <c>.json</c> file under it, in path order. All problems are collected, each naming file, line,
/// document and field; nothing is returned unless every document reads.
/// </summary>
public static class ManifestReader
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    /// <summary>The documents of <paramref name="paths"/> (files or directories), in order.</summary>
    public static IReadOnlyList<ManifestDocument> Read(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var documents = new List<ManifestDocument>();
        var errors = new List<ManifestError>();
        foreach (var file in paths.SelectMany(Files))
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Add(new ManifestError(file, $"cannot be read: {e.Message}"));
                continue;
            }

            Parse(file, text, documents, errors);
        }

        return errors.Count > 0 ? throw new ManifestException(errors) : documents;
    }

    /// <summary>The documents of <paramref name="text"/>, read as the file <paramref name="file"/>.</summary>
    public static IReadOnlyList<ManifestDocument> Parse(string file, string text)
    {
        var documents = new List<ManifestDocument>();
        var errors = new List<ManifestError>();
        Parse(file, text, documents, errors);
        return errors.Count > 0 ? throw new ManifestException(errors) : documents;
    }

    private static IEnumerable<string> Files(string path)
    {
        if (Directory.Exists(path))
        {
            return Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal);
        }

        return [path];
    }

    private static void Parse(string file, string text, List<ManifestDocument> documents, List<ManifestError> errors)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            errors.Add(new ManifestError($"{file}:{e.Start.Line}", $"not valid YAML or JSON: {e.Message}"));
            return;
        }

        var roots = stream.Documents.Select(d => d.RootNode).ToList();
        // A file holding one list of documents (a JSON array, a YAML sequence) reads like documents separated by ---.
        if (roots is [YamlSequenceNode list])
        {
            roots = [.. list.Children];
        }

        var index = 0;
        foreach (var root in roots)
        {
            index++;
            var line = (int)root.Start.Line;
            if (root is YamlScalarNode { Value: null or "" })
            {
                continue;
            }

            if (root is not YamlMappingNode)
            {
                errors.Add(new ManifestError($"{file}:{line}: document {index}", "must be a mapping (an object) with a kind"));
                continue;
            }

            var lines = new Dictionary<string, int>(StringComparer.Ordinal);
            var problems = new List<(string Path, string Message)>();
            var body = (JsonObject)YamlJson.Convert(root, string.Empty, lines, problems)!;
            var kind = body["kind"] is JsonValue value && value.TryGetValue<string>(out var named) ? named : null;
            body.Remove("kind");
            var document = new ManifestDocument(file, index, line, kind ?? "?", body, lines);
            if (kind is null || !ManifestKinds.All.Contains(kind))
            {
                var known = string.Join(", ", ManifestKinds.All);
                errors.Add(new ManifestError(document.Locate("kind"), kind is null ? $"is required ({known})" : $"unknown kind '{kind}' (known: {known})"));
                continue;
            }

            errors.AddRange(problems.Select(p => new ManifestError(document.Locate(p.Path.Length == 0 ? null : p.Path), p.Message)));
            documents.Add(document);
        }
    }
}
