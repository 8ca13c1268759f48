using YamlDotNet.RepresentationModel;

namespace Autoscaler.Deploy.Tests.Support;

/// <summary>
/// CloudFormation's YAML as plain data (the shapes <see cref="YamlDocument"/> uses): short-form intrinsic tags become
/// their long form, as CloudFormation reads them: <c>!Ref X</c> is <c>{Ref: X}</c>, <c>!Sub s</c> is
/// <c>{Fn::Sub: s}</c>, <c>!GetAtt A.B</c> is <c>{Fn::GetAtt: [A, B]}</c>, <c>!Condition C</c> is <c>{Condition: C}</c>.
/// </summary>
public static class CloudFormationYaml
{
    /// <summary>Parses a template whose root is a mapping.</summary>
    public static Dictionary<object, object> Parse(string text)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(text);
        stream.Load(reader);
        return (Dictionary<object, object>)Convert(stream.Documents.Single().RootNode);
    }

    private static object Convert(YamlNode node)
    {
        var value = node switch
        {
            YamlMappingNode mapping => mapping.Children.ToDictionary(c => (object)((YamlScalarNode)c.Key).Value!, c => Convert(c.Value)),
            YamlSequenceNode sequence => sequence.Children.Select(Convert).ToList(),
            YamlScalarNode scalar => (object)(scalar.Value ?? string.Empty),
            _ => throw new FormatException($"Unsupported YAML node {node.NodeType} at {node.Start}."),
        };
        var tag = node.Tag.IsEmpty ? null : node.Tag.Value;
        return tag switch
        {
            null or "tag:yaml.org,2002:str" => value,
            "!Ref" => new Dictionary<object, object> { ["Ref"] = value },
            "!Condition" => new Dictionary<object, object> { ["Condition"] = value },
            "!GetAtt" when value is string dotted => new Dictionary<object, object> { ["Fn::GetAtt"] = dotted.Split('.', 2).Cast<object>().ToList() },
            _ when tag.StartsWith('!') => new Dictionary<object, object> { ["Fn::" + tag[1..]] = value },
            _ => throw new FormatException($"Unsupported YAML tag {tag} at {node.Start}."),
        };
    }
}
