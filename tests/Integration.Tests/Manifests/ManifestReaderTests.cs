using System.Text.Json.Nodes;
using Autoscaler.Manifests;

namespace Autoscaler.Integration.Tests.Manifests;

/// <summary>Configuration files read as operators write them: YAML documents or JSON, typed as YAML 1.2 says, every
/// problem located by file, line, document and field.</summary>
public sealed class ManifestReaderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("autoscaler-manifests-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Yaml_documents_read_as_typed_json_without_their_kind()
    {
        var documents = ManifestReader.Parse("fleet.yaml", """
            kind: Target
            id: web
            min: 1
            max: 10
            unitCostPerHour: 0.05
            actuator: { kind: simulated, settings: { cluster: "042" } }
            flags:
              enabled: true
              dryRun: false
            consensus: ~
            behavior:
              scaleUp: { stabilizationWindowSeconds: 0 }
            policies:
              - name: cpu
                type: targetTracking
                target: { type: AverageValue, value: 50 }
            ---
            kind: Supervisor
            scope: default
            monthlyBudget: 1e3
            """);

        Assert.Equal(2, documents.Count);
        var target = documents[0];
        Assert.Equal(("fleet.yaml", 1, 1, "Target", "web"), (target.File, target.Index, target.Line, target.Kind, target.Name));
        Assert.False(target.Body.ContainsKey("kind"));
        Assert.Equal(10, target.Body["max"]!.GetValue<int>());
        Assert.Equal(0.05m, target.Body["unitCostPerHour"]!.GetValue<decimal>());
        Assert.Equal("042", target.Body["actuator"]!["settings"]!["cluster"]!.GetValue<string>());
        Assert.True(target.Body["flags"]!["enabled"]!.GetValue<bool>());
        Assert.Null(target.Body["consensus"]);
        Assert.Equal(50, target.Body["policies"]![0]!["target"]!["value"]!.GetValue<int>());
        Assert.Equal(4, target.Lines["max"]);
        Assert.Equal(16, target.Lines["policies[0].target"]);
        Assert.Equal(("Supervisor", "default", 18), (documents[1].Kind, documents[1].Name, documents[1].Line));
        Assert.Equal(1000d, documents[1].Body["monthlyBudget"]!.GetValue<double>());
    }

    [Fact]
    public void A_json_array_reads_like_yaml_documents()
    {
        var json = ManifestReader.Parse("fleet.json", """
            [ { "kind": "Target", "id": "web", "min": 1, "max": 10, "actuator": { "kind": "simulated" } },
              { "kind": "Supervisor", "scope": "default", "monthlyBudget": 500 } ]
            """);
        var yaml = ManifestReader.Parse("fleet.yaml", """
            kind: Target
            id: web
            min: 1
            max: 10
            actuator: { kind: simulated }
            ---
            kind: Supervisor
            scope: default
            monthlyBudget: 500
            """);

        Assert.Equal(yaml.Select(d => d.Kind), json.Select(d => d.Kind));
        Assert.All(yaml.Zip(json), pair => Assert.True(JsonNode.DeepEquals(pair.First.Body, pair.Second.Body), pair.Second.Body.ToJsonString()));
        Assert.Equal(2, json[1].Index);
    }

    [Theory]
    [InlineData("kind: Alarm\nid: x\n", "fleet.yaml:1: document 1 (Alarm x): kind: unknown kind 'Alarm' (known: Supervisor, Target)")]
    [InlineData("id: x\n", "fleet.yaml:1: document 1 (? x): kind: is required (Supervisor, Target)")]
    [InlineData("kind: Target\nid: web\n---\n- 1\n- 2\n", "fleet.yaml:4: document 2: must be a mapping (an object) with a kind")]
    [InlineData("kind: Target\nid: web\nmax: .inf\n", "fleet.yaml:3: document 1 (Target web): max: '.inf' is not a finite number")]
    [InlineData("kind: Target\nid: [web\n", "fleet.yaml:3: not valid YAML or JSON")]
    public void A_bad_document_is_located_by_file_line_document_and_field(string text, string expected)
    {
        var error = Assert.Throws<ManifestException>(() => ManifestReader.Parse("fleet.yaml", text));

        Assert.StartsWith(expected, error.Errors[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_reads_every_yaml_and_json_file_in_path_order()
    {
        Directory.CreateDirectory(Path.Combine(_root, "b"));
        File.WriteAllText(Path.Combine(_root, "b", "two.yml"), "kind: Target\nid: two\n");
        File.WriteAllText(Path.Combine(_root, "a.json"), """{ "kind": "Target", "id": "one" }""");
        File.WriteAllText(Path.Combine(_root, "notes.txt"), "not configuration");

        var documents = ManifestReader.Read([_root]);

        Assert.Equal(["one", "two"], documents.Select(d => d.Name));
    }

    [Fact]
    public void A_target_declared_twice_is_an_error_naming_both_places()
    {
        File.WriteAllText(Path.Combine(_root, "a.yaml"), "kind: Target\nid: web\n");
        File.WriteAllText(Path.Combine(_root, "b.yaml"), "kind: Supervisor\nscope: default\n---\nkind: Target\nid: web\n");

        var error = Assert.Throws<ManifestException>(() => FleetFiles.Of(ManifestReader.Read([_root])));

        var b = Path.Combine(_root, "b.yaml");
        var a = Path.Combine(_root, "a.yaml");
        Assert.Equal($"{b}:5: document 2 (Target web): id: 'web' is also declared at {a}:1: document 1 (Target web)", Assert.Single(error.Errors).ToString());
    }

    [Fact]
    public void An_api_error_by_place_is_located_in_the_files()
    {
        var files = FleetFiles.Of(ManifestReader.Parse("fleet.yaml", """
            kind: Supervisor
            scope: default
            ---
            kind: Target
            id: web
            min: 5
            max: 2
            policies:
              - name: cpu
                target: { value: -1 }
            """));

        Assert.Equal("fleet.yaml:7: document 2 (Target web): max", files.Locate("targets[0].max"));
        Assert.Equal("fleet.yaml:10: document 2 (Target web): policies[0].target.value", files.Locate("targets[0].policies[0].target.value"));
        Assert.Equal("fleet.yaml:1: document 1 (Supervisor default)", files.Locate("supervisors[0]"));
        Assert.Equal("body", files.Locate("body"));
        var request = files.Request(prune: true, dryRun: false);
        Assert.Equal("web", request["targets"]![0]!["id"]!.GetValue<string>());
        Assert.True(request["prune"]!.GetValue<bool>());
    }

    [Fact]
    public void Written_documents_read_back_to_the_same_json_whatever_their_strings_look_like()
    {
        var body = new JsonObject
        {
            ["id"] = "web",
            ["strings"] = new JsonArray("true", "123", "1.5", "null", "~", "", " padded", "a: b", "x #y", "-dash", "#hash", "ünïcødé", "line\nbreak", "0x1F", ".inf"),
            ["numbers"] = new JsonArray(0, -3, 0.05m, 1e-7, 12345678901234L),
            ["flags"] = new JsonObject { ["on"] = true, ["off"] = false, ["none"] = null },
            ["empty"] = new JsonObject(),
            ["list"] = new JsonArray(),
        };

        foreach (var text in new[] { ManifestWriter.Yaml([("Target", body)]), ManifestWriter.Json([("Target", body)]) })
        {
            var read = Assert.Single(ManifestReader.Parse("export", text));
            Assert.Equal("Target", read.Kind);
            Assert.True(JsonNode.DeepEquals(body, read.Body), $"{text}\nread back as {read.Body.ToJsonString()}");
        }
    }
}
