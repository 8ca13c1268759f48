using System.Text.Json;
using System.Text.Json.Nodes;
using Autoscaler.Deploy.Tests.Support;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Autoscaler.Deploy.Tests;

/// <summary>
/// deploy/kubernetes against the Kubernetes API's own schemas: the validators kubernetes-models generates from the
/// Kubernetes OpenAPI definitions (types, required fields, enumerations, formats), run by node. Unknown fields are
/// already errors in <see cref="KubernetesManifests.LoadAll"/> (the client library's strict load).
/// </summary>
public sealed class KubernetesSchemaTests
{
    private const string Validator = "deploy/lint/validate-kubernetes.cjs";

    [Fact]
    public void Every_manifest_object_is_valid_against_its_API_schema()
    {
        var objects = KubernetesManifests.Resources()
            .SelectMany(file => YamlDocuments(RepositoryFiles.Read($"{KubernetesManifests.Directory}/{file}")).Select(o => (file, o)))
            .ToList();

        Assert.Equal(KubernetesManifests.LoadAll().Count, objects.Count);
        var result = Validate(objects.Select(o => o.o));
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(objects.Count, result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.StartsWith("valid ", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_deployment_with_a_wrong_type_and_a_missing_required_field_is_refused()
    {
        var deployment = YamlDocuments(RepositoryFiles.Read($"{KubernetesManifests.Directory}/deployment.yaml")).Single();
        deployment["spec"]!["replicas"] = "two";
        deployment["spec"]!["template"]!["spec"]!["containers"]![0]!.AsObject().Remove("name");

        var result = Validate([deployment]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("spec/replicas must be integer", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("containers/0 must have required property name", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_kind_is_refused_rather_than_passed()
    {
        var result = Validate([JsonNode.Parse("""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"}}""")!.AsObject()]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no schema for example.com/v1 Widget", result.StandardOutput, StringComparison.Ordinal);
    }

    private static ToolResult Validate(IEnumerable<JsonObject> objects) =>
        DeployLinters.Run(
            "node",
            [RepositoryFiles.PathOf(Validator)],
            new JsonArray([.. objects.Select(o => (JsonNode)o.DeepClone())]).ToJsonString(),
            new Dictionary<string, string> { ["NODE_PATH"] = DeployLinters.NodeModules });

    // Each YAML document of a file as JSON, plain scalars typed as YAML 1.2's core schema types them (what kubectl sends).
    private static IEnumerable<JsonObject> YamlDocuments(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Select(d => ToJson(d.RootNode)!.AsObject());
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(ToJson)]),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } scalar => JsonValue.Create(scalar.Value == "true"),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "null" or "~" or "" } => null,
        YamlScalarNode { Style: ScalarStyle.Plain } scalar when long.TryParse(scalar.Value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new FormatException($"Unsupported YAML node at {node.Start}."),
    };
}
