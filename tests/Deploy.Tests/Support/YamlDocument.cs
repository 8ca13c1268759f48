using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Autoscaler.Deploy.Tests.Support;

/// <summary>
/// A YAML file as plain data (mappings as <c>Dictionary&lt;object, object&gt;</c>, sequences as <c>List&lt;object&gt;</c>,
/// scalars as strings), with anchors, aliases and <c>&lt;&lt;</c> merge keys resolved as Compose resolves them.
/// </summary>
public static class YamlDocument
{
    /// <summary>Loads a repository-relative YAML file.</summary>
    public static Dictionary<object, object> Load(string relative) => Parse(RepositoryFiles.Read(relative));

    /// <summary>Parses YAML text whose root is a mapping.</summary>
    public static Dictionary<object, object> Parse(string text)
    {
        var deserializer = new DeserializerBuilder().Build();
        using var reader = new StringReader(text);
        return deserializer.Deserialize<Dictionary<object, object>>(new MergingParser(new Parser(reader)))
               ?? throw new FormatException("The YAML document is empty.");
    }

    /// <summary>The mapping under <paramref name="key"/>, or an empty one.</summary>
    public static Dictionary<object, object> Map(this Dictionary<object, object> node, string key) =>
        node.TryGetValue(key, out var value) && value is Dictionary<object, object> map ? map : [];

    /// <summary>The sequence under <paramref name="key"/>, or an empty one.</summary>
    public static List<object> List(this Dictionary<object, object> node, string key) =>
        node.TryGetValue(key, out var value) && value is List<object> list ? list : [];

    /// <summary>The scalar under <paramref name="key"/>, or null.</summary>
    public static string? Scalar(this Dictionary<object, object> node, string key) =>
        node.TryGetValue(key, out var value) ? value as string : null;
}
