using System.Text.Json;
using System.Text.RegularExpressions;
using Autoscaler.Scaling.Json;

namespace Autoscaler.Scaling.Tests;

/// <summary>The example in docs/contracts/evaluate.md is what the engine does: its input block, evaluated, gives every
/// field its output block shows. The document ships with the code, so it cannot drift from it unnoticed.</summary>
public sealed partial class DocumentedContractTests
{
    [Fact]
    public void The_documented_evaluate_example_gives_the_documented_output()
    {
        var blocks = JsonBlocks(File.ReadAllText(DocumentPath("docs/contracts/evaluate.md")));
        var input = blocks[0];
        using var expected = JsonDocument.Parse(blocks[1]);

        var decision = ScalingEngine.Evaluate(ScalingDocuments.ReadEvaluation(input));
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            DecisionWriter.Write(writer, decision);
        }

        using var actual = JsonDocument.Parse(stream.ToArray());
        AssertContains(expected.RootElement, actual.RootElement, "$");
    }

    /// <summary>Every field of <paramref name="expected"/> is in <paramref name="actual"/> with the same value (arrays
    /// element by element, with the same length); <paramref name="actual"/> may have more fields.</summary>
    private static void AssertContains(JsonElement expected, JsonElement actual, string path)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in expected.EnumerateObject())
                {
                    Assert.True(actual.TryGetProperty(property.Name, out var value), $"{path}.{property.Name} is missing from the engine's output");
                    AssertContains(property.Value, value, $"{path}.{property.Name}");
                }

                break;
            case JsonValueKind.Array:
                Assert.Equal(expected.GetArrayLength(), actual.GetArrayLength());
                for (var i = 0; i < expected.GetArrayLength(); i++)
                {
                    AssertContains(expected[i], actual[i], $"{path}[{i}]");
                }

                break;
            case JsonValueKind.Number:
                Assert.True(expected.GetDouble() == actual.GetDouble(), $"{path}: documented {expected}, engine {actual}");
                break;
            default:
                Assert.True(expected.ValueKind == actual.ValueKind && expected.ToString() == actual.ToString(), $"{path}: documented {expected}, engine {actual}");
                break;
        }
    }

    private static List<string> JsonBlocks(string markdown) =>
        [.. JsonBlock().Matches(markdown).Select(m => m.Groups["body"].Value)];

    private static string DocumentPath(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Orleans.sln")))
            {
                return Path.Combine(directory.FullName, relative);
            }
        }

        throw new InvalidOperationException($"No Orleans.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"```json\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
