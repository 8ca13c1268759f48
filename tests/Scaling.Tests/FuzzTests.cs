using System.Text;
using System.Text.Json.Nodes;
using Autoscaler.Scaling.Json;
using Autoscaler.Scaling.Validation;
using CsCheck;

namespace Autoscaler.Scaling.Tests;

/// <summary>
/// The reader never throws anything but <see cref="ScalingInputException"/>, whatever it is given; what it accepts, the
/// engine evaluates without throwing; the CLI answers invalid input with exit 2, an empty stdout and a message.
/// </summary>
public sealed class FuzzTests
{
    private static readonly string Example = CaseFiles.Read("contract-example.json");

    /// <summary>Reads and, when the document is valid, evaluates; returns the error or null.</summary>
    private static ScalingInputException? ReadAndEvaluate(byte[] utf8)
    {
        try
        {
            var request = ScalingDocuments.ReadEvaluation(utf8);
            var decision = ScalingEngine.Evaluate(request);
            if (!(request.Target.Current == 0 && request.Target.Min > 0) && request.PolicySet.Policies.Count > 0)
            {
                Assert.InRange(decision.Desired, decision.Min, decision.Max);
            }

            return null;
        }
        catch (ScalingInputException exception)
        {
            Assert.All(exception.Errors, error => Assert.False(string.IsNullOrWhiteSpace(error.Message)));
            return exception;
        }
    }

    [Theory]
    [InlineData("contract-example.json")]
    [InlineData("parts-kinds.json")]
    public void Every_truncation_of_a_valid_document_is_an_input_error(string file)
    {
        var bytes = Encoding.UTF8.GetBytes(CaseFiles.Read(file).TrimEnd());
        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.NotNull(ReadAndEvaluate(bytes[..length]));
        }
    }

    [Fact]
    public void Random_text_and_bytes_never_escape_as_other_exceptions()
    {
        Gen.String.Sample(text => { ReadAndEvaluate(Encoding.UTF8.GetBytes(text)); }, iter: 2000);
        Gen.Byte.Array[0, 200].Sample(bytes => { ReadAndEvaluate(bytes); }, iter: 2000);
    }

    private static readonly Gen<JsonNode?> RandomValue = Gen.Int[0, 11].Select<int, JsonNode?>(kind => kind switch
    {
        0 => null,
        1 => JsonValue.Create(0),
        2 => JsonValue.Create(-1),
        3 => JsonValue.Create(1e308),
        4 => JsonValue.Create(2.5),
        5 => JsonValue.Create("x"),
        6 => JsonValue.Create("2026-01-01T12:00:00Z"),
        7 => JsonValue.Create(true),
        8 => new JsonArray(),
        9 => new JsonObject(),
        10 => JsonValue.Create(int.MaxValue),
        _ => JsonValue.Create("Value"),
    });

    [Theory]
    [InlineData("contract-example.json")]
    [InlineData("parts-kinds.json")]
    public void Mutated_documents_are_read_or_rejected_with_a_field_path(string file)
    {
        var original = CaseFiles.Read(file);
        var mutations = Gen.Select(Gen.Int[0, 1000].Array[1, 4], RandomValue.Array[4], Gen.Int[0, 2].Array[4], (picks, values, actions) => (picks, values, actions));
        mutations.Sample(mutation =>
        {
            var root = JsonNode.Parse(original)!;
            for (var i = 0; i < mutation.picks.Length; i++)
            {
                Mutate(root, mutation.picks[i], mutation.values[i], mutation.actions[i]);
            }

            var error = ReadAndEvaluate(Encoding.UTF8.GetBytes(root.ToJsonString()));
            if (error is not null)
            {
                Assert.All(error.Errors, e => Assert.True(e.Path.Length > 0, $"no path in '{e}'"));
            }
        }, iter: 3000);
    }

    [Fact]
    public void The_cli_answers_invalid_input_with_exit_2_and_a_message_only()
    {
        var truncated = Example[..(Example.Length / 2)];
        var unknown = Example.Replace("\"threshold\": 5000", "\"threshold\": 5000, \"thresold\": 1", StringComparison.Ordinal);
        var overlap = Example.Replace("{ \"lower\": 2000, \"upper\": null", "{ \"lower\": 1000, \"upper\": null", StringComparison.Ordinal);

        foreach (var (input, message) in new[]
        {
            (truncated, "$: invalid JSON"),
            (unknown, "policies[1].thresold: unknown field"),
            (overlap, "policies[1].steps[1].lower: ranges overlap"),
            ("", "$: invalid JSON"),
        })
        {
            var (exit, output, error) = CliHarness.Run(input, "evaluate", "--input", "-");

            Assert.Equal(2, exit);
            Assert.Equal(string.Empty, output);
            Assert.Contains(message, error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_cli_exits_2_for_random_input()
    {
        Gen.String.Sample(text =>
        {
            var (exit, output, error) = CliHarness.Run(text, "evaluate", "--input", "-");
            Assert.Equal(2, exit);
            Assert.Equal(string.Empty, output);
            Assert.NotEqual(string.Empty, error);
        }, iter: 300);
    }

    private static void Mutate(JsonNode root, int pick, JsonNode? value, int action)
    {
        var containers = new List<JsonNode>();
        Collect(root, containers);
        var container = containers[pick % containers.Count];
        switch (container)
        {
            case JsonObject obj when obj.Count > 0:
                var key = obj.ElementAt(pick % obj.Count).Key;
                if (action == 0)
                {
                    obj.Remove(key);
                }
                else if (action == 1)
                {
                    obj[key] = value;
                }
                else
                {
                    obj[$"extra{pick}"] = value;
                }

                break;
            case JsonArray array when array.Count > 0:
                if (action == 0)
                {
                    array.RemoveAt(pick % array.Count);
                }
                else
                {
                    array[pick % array.Count] = value;
                }

                break;
            default:
                break;
        }
    }

    private static void Collect(JsonNode node, List<JsonNode> containers)
    {
        if (node is JsonObject obj)
        {
            containers.Add(obj);
            foreach (var (_, child) in obj)
            {
                if (child is not null)
                {
                    Collect(child, containers);
                }
            }
        }
        else if (node is JsonArray array)
        {
            containers.Add(array);
            foreach (var child in array)
            {
                if (child is not null)
                {
                    Collect(child, containers);
                }
            }
        }
    }
}
