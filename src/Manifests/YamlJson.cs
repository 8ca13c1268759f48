using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Autoscaler.Manifests;

/// <summary>
/// YAML nodes as JSON, typed by the YAML 1.2 core schema (JSON is YAML, so a JSON file reads the same way): unquoted
/// <c>null</c>/<c>~</c>, <c>true</c>/<c>false</c> and numbers are themselves, everything else (and anything quoted) is
/// a string. Records the line of every field on the way, by its path (<c>policies[0].target.value</c>).
/// </summary>
internal static partial class YamlJson
{
    /// <summary>The JSON of <paramref name="node"/>; problems are added to <paramref name="problems"/> as (path, message).</summary>
    public static JsonNode? Convert(YamlNode node, string path, Dictionary<string, int> lines, List<(string Path, string Message)> problems)
    {
        lines.TryAdd(path, (int)node.Start.Line);
        switch (node)
        {
            case YamlMappingNode mapping:
                var document = new JsonObject();
                foreach (var (keyNode, valueNode) in mapping.Children)
                {
                    if (keyNode is not YamlScalarNode { Value: { } key })
                    {
                        problems.Add((path, "keys must be plain names"));
                        continue;
                    }

                    var field = path.Length == 0 ? key : $"{path}.{key}";
                    lines[field] = (int)keyNode.Start.Line;
                    if (document.ContainsKey(key))
                    {
                        problems.Add((field, "appears twice"));
                        continue;
                    }

                    document[key] = Convert(valueNode, field, lines, problems);
                }

                return document;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    array.Add(Convert(sequence.Children[i], $"{path}[{i}]", lines, problems));
                }

                return array;
            case YamlScalarNode scalar:
                return Scalar(scalar, path, problems);
            default:
                problems.Add((path, "unsupported YAML node"));
                return null;
        }
    }

    private static JsonNode? Scalar(YamlScalarNode scalar, string path, List<(string Path, string Message)> problems)
    {
        var text = scalar.Value ?? string.Empty;
        var quoted = scalar.Style is YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted
            or YamlDotNet.Core.ScalarStyle.Literal or YamlDotNet.Core.ScalarStyle.Folded;
        if (quoted || (!scalar.Tag.IsEmpty && scalar.Tag.Value == "tag:yaml.org,2002:str"))
        {
            return JsonValue.Create(text);
        }

        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return JsonValue.Create(char.ToLowerInvariant(text[0]) == 't');
        }

        if (Integer().IsMatch(text) || Float().IsMatch(text))
        {
            var normal = text.TrimStart('+');
            normal = normal.StartsWith('.') ? "0" + normal : normal.StartsWith("-.", StringComparison.Ordinal) ? "-0" + normal[1..] : normal;
            normal = normal.Replace(".e", ".0e", StringComparison.OrdinalIgnoreCase).Replace(".E", ".0E", StringComparison.Ordinal);
            if (normal.EndsWith('.'))
            {
                normal += "0";
            }

            return JsonNode.Parse(normal);
        }

        if (Hex().IsMatch(text))
        {
            return JsonValue.Create(long.Parse(text[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        }

        if (NotFinite().IsMatch(text))
        {
            problems.Add((path, $"'{text}' is not a finite number"));
            return null;
        }

        return JsonValue.Create(text);
    }

    /// <summary>True when <paramref name="text"/> written unquoted would read back as something else than this string.</summary>
    public static bool NeedsQuotes(string text) =>
        text.Length == 0 || text.Trim() != text || Integer().IsMatch(text) || Float().IsMatch(text) || Hex().IsMatch(text) || NotFinite().IsMatch(text)
        || text is "~" or "null" or "Null" or "NULL" or "true" or "True" or "TRUE" or "false" or "False" or "FALSE"
        || "-?:,[]{}#&*!|>'\"%@`".Contains(text[0], StringComparison.Ordinal)
        || text.Contains(": ", StringComparison.Ordinal) || text.Contains(" #", StringComparison.Ordinal) || text.EndsWith(':')
        || text.Any(char.IsControl);

    /// <summary>Reads <paramref name="element"/> as the YAML node it would be written as.</summary>
    public static YamlNode ToYaml(JsonNode? node) => node switch
    {
        JsonObject document => new YamlMappingNode(document.Select(p =>
            new KeyValuePair<YamlNode, YamlNode>(ScalarNode(p.Key), ToYaml(p.Value)))),
        JsonArray array => new YamlSequenceNode(array.Select(ToYaml)),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => ScalarNode(value.GetValue<string>()),
        null => new YamlScalarNode("null") { Style = YamlDotNet.Core.ScalarStyle.Plain },
        _ => new YamlScalarNode(node.ToJsonString()) { Style = YamlDotNet.Core.ScalarStyle.Plain },
    };

    private static YamlScalarNode ScalarNode(string text) =>
        new(text) { Style = NeedsQuotes(text) ? YamlDotNet.Core.ScalarStyle.DoubleQuoted : YamlDotNet.Core.ScalarStyle.Plain };

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();

    [GeneratedRegex(@"^0x[0-9a-fA-F]+$")]
    private static partial Regex Hex();

    [GeneratedRegex(@"^[-+]?\.(inf|Inf|INF|nan|NaN|NAN)$")]
    private static partial Regex NotFinite();
}
