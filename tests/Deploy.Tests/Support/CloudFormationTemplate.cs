namespace Autoscaler.Deploy.Tests.Support;

/// <summary>deploy/ecs/autoscaler.yaml: its parameters, conditions and resources, and the resolution of the
/// intrinsic functions the checks need.</summary>
public sealed class CloudFormationTemplate(Dictionary<object, object> root)
{
    /// <summary>The stack template's repository path.</summary>
    public const string StackPath = "deploy/ecs/autoscaler.yaml";

    /// <summary>The stack name the checks assume when they resolve <c>AWS::StackName</c>.</summary>
    public const string SampleStackName = "autoscaler";

    private static readonly Dictionary<string, string> _pseudo = new()
    {
        ["AWS::StackName"] = SampleStackName,
        ["AWS::Region"] = "eu-west-1",
        ["AWS::AccountId"] = "123456789012",
        ["AWS::Partition"] = "aws",
        ["AWS::URLSuffix"] = "amazonaws.com",
    };

    /// <summary>The template as plain data.</summary>
    public Dictionary<object, object> Root { get; } = root;

    /// <summary>The stack template.</summary>
    public static CloudFormationTemplate LoadStack() => new(CloudFormationYaml.Parse(RepositoryFiles.Read(StackPath)));

    /// <summary>Parameters by name.</summary>
    public IReadOnlyDictionary<string, Dictionary<object, object>> Parameters => Section("Parameters");

    /// <summary>Resources by logical id.</summary>
    public IReadOnlyDictionary<string, Dictionary<object, object>> Resources => Section("Resources");

    /// <summary>The logical ids of the resources of a type.</summary>
    public IReadOnlyList<string> OfType(string type) =>
        [.. Resources.Where(r => r.Value.Scalar("Type") == type).Select(r => r.Key).Order(StringComparer.Ordinal)];

    /// <summary>A resource's properties.</summary>
    public Dictionary<object, object> Properties(string logicalId) => Resources[logicalId].Map("Properties");

    /// <summary>The value a node has with every parameter at its default: literals as they are, <c>Ref</c> to a
    /// parameter or pseudo parameter, <c>Fn::Sub</c> over those; null where it depends on a resource or a
    /// parameter without a default.</summary>
    public string? Literal(object? node) => node switch
    {
        string text => text,
        Dictionary<object, object> { Count: 1 } map when map.ContainsKey("Ref") => Reference((string)map["Ref"]),
        Dictionary<object, object> { Count: 1 } map when map.ContainsKey("Fn::Sub") && map["Fn::Sub"] is string text => Substitute(text),
        _ => null,
    };

    /// <summary>The parameter a node is a plain <c>Ref</c> to, or null.</summary>
    public string? ParameterOf(object? node) =>
        node is Dictionary<object, object> { Count: 1 } map && map.TryGetValue("Ref", out var name) && Parameters.ContainsKey((string)name)
            ? (string)name
            : null;

    /// <summary>The resource a node is a plain <c>Ref</c> to, or null.</summary>
    public string? ResourceOf(object? node) =>
        node is Dictionary<object, object> { Count: 1 } map && map.TryGetValue("Ref", out var name) && Resources.ContainsKey((string)name)
            ? (string)name
            : null;

    /// <summary>A list's items with every <c>Fn::If</c> item replaced by its branches that are not
    /// <c>AWS::NoValue</c>: what the list holds under any combination of conditions.</summary>
    public static IEnumerable<object> AnyCondition(object? list) =>
        (list as List<object> ?? []).SelectMany(item => item is Dictionary<object, object> { Count: 1 } map && map.TryGetValue("Fn::If", out var branches)
            ? ((List<object>)branches).Skip(1).Where(b => !IsNoValue(b))
            : [item]);

    /// <summary>True for <c>!Ref AWS::NoValue</c>.</summary>
    public static bool IsNoValue(object? node) =>
        node is Dictionary<object, object> { Count: 1 } map && map.TryGetValue("Ref", out var name) && (string)name == "AWS::NoValue";

    private string? Reference(string name) =>
        _pseudo.TryGetValue(name, out var pseudo) ? pseudo : Parameters.TryGetValue(name, out var parameter) ? parameter.Scalar("Default") : null;

    private string? Substitute(string text)
    {
        var result = new System.Text.StringBuilder();
        var position = 0;
        while (text.IndexOf("${", position, StringComparison.Ordinal) is var start and >= 0)
        {
            var end = text.IndexOf('}', start);
            var name = text[(start + 2)..end];
            var value = name.StartsWith('!') ? "${" + name[1..] + "}" : Reference(name);
            if (value is null)
            {
                return null;
            }

            result.Append(text, position, start - position).Append(value);
            position = end + 1;
        }

        return result.Append(text, position, text.Length - position).ToString();
    }

    private IReadOnlyDictionary<string, Dictionary<object, object>> Section(string name) =>
        Root.Map(name).ToDictionary(p => (string)p.Key, p => (Dictionary<object, object>)p.Value);
}
