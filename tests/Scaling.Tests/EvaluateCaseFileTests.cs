using System.Text.Json;

namespace Autoscaler.Scaling.Tests;

/// <summary>
/// Golden cases under Cases/evaluate: <c>{"source", "input", "expect"}</c>. The CLI evaluates <c>input</c>; every field of
/// <c>expect</c> must match the output (objects: the listed fields; arrays: the listed leading items). Add a case by
/// adding a file.
/// </summary>
public sealed class EvaluateCaseFileTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(CaseFiles.Path("evaluate"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Case_matches_its_expectation(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(CaseFiles.Path(Path.Combine("evaluate", file))));
        var input = document.RootElement.GetProperty("input").GetRawText();

        var (exit, output, error) = CliHarness.Run(input, "evaluate", "--input", "-");

        Assert.True(exit == 0, $"{file}: exit {exit}: {error}");
        using var actual = JsonDocument.Parse(output);
        Match(document.RootElement.GetProperty("expect"), actual.RootElement, "$", file);
    }

    private static void Match(JsonElement expected, JsonElement actual, string path, string file)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in expected.EnumerateObject())
                {
                    Assert.True(actual.ValueKind == JsonValueKind.Object && actual.TryGetProperty(property.Name, out _), $"{file}: {path}.{property.Name} is missing");
                    Match(property.Value, actual.GetProperty(property.Name), $"{path}.{property.Name}", file);
                }

                break;
            case JsonValueKind.Array:
                Assert.True(actual.GetArrayLength() >= expected.GetArrayLength(), $"{file}: {path} has too few items");
                for (var i = 0; i < expected.GetArrayLength(); i++)
                {
                    Match(expected[i], actual[i], $"{path}[{i}]", file);
                }

                break;
            case JsonValueKind.Number:
                Assert.True(actual.ValueKind == JsonValueKind.Number && expected.GetDouble() == actual.GetDouble(),
                    $"{file}: {path} expected {expected.GetRawText()}, got {actual.GetRawText()}");
                break;
            default:
                Assert.True(expected.GetRawText() == actual.GetRawText(), $"{file}: {path} expected {expected.GetRawText()}, got {actual.GetRawText()}");
                break;
        }
    }
}
