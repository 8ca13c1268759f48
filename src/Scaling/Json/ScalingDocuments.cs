using System.Text.Json;
using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Simulation;
using Autoscaler.Scaling.Validation;

namespace Autoscaler.Scaling.Json;

/// <summary>
/// Entry points for the contract's documents. Every failure, malformed JSON included, is a
/// <see cref="ScalingInputException"/> naming a field path.
/// </summary>
public static class ScalingDocuments
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 64,
    };

    /// <summary>Reads an <c>evaluate</c> document.</summary>
    public static EvaluationRequest ReadEvaluation(ReadOnlyMemory<byte> utf8, PolicyParserRegistry? registry = null) =>
        Parse(utf8, root => ReadEvaluation(root, registry ?? PolicyParserRegistry.Default));

    /// <summary>Reads an <c>evaluate</c> document from text.</summary>
    public static EvaluationRequest ReadEvaluation(string json, PolicyParserRegistry? registry = null) =>
        ReadEvaluation(System.Text.Encoding.UTF8.GetBytes(json), registry);

    /// <summary>Reads the root object of an <c>evaluate</c> document.</summary>
    public static EvaluationRequest ReadEvaluation(JsonFields root, PolicyParserRegistry registry)
    {
        var now = root.RequiredTime("now");
        var target = root.RequiredObject("target", TargetReader.Read);
        var metrics = MetricsReader.Read(root);
        var policySet = PolicySetReader.Read(root, registry);
        var history = root.OptionalObject("history", HistoryReader.Read);
        CheckAgainstTarget(root, policySet, target);
        return new EvaluationRequest(now, target, metrics, policySet) { History = history };
    }

    /// <summary>Reads a <c>simulate</c> document.</summary>
    public static SimulationRequest ReadSimulation(ReadOnlyMemory<byte> utf8, PolicyParserRegistry? registry = null) =>
        Parse(utf8, root => ReadSimulation(root, registry ?? PolicyParserRegistry.Default));

    /// <summary>Reads the root object of a <c>simulate</c> document (its first variant when it lists several).</summary>
    public static SimulationRequest ReadSimulation(JsonFields root, PolicyParserRegistry registry) =>
        SimulationReader.Read(root, registry)[0].Request;

    /// <summary>Reads a <c>simulate</c> document's variants (one, named <c>input</c>, without a <c>variants</c> list).</summary>
    public static IReadOnlyList<SimulationVariant> ReadSimulations(ReadOnlyMemory<byte> utf8, PolicyParserRegistry? registry = null) =>
        Parse(utf8, root => SimulationReader.Read(root, registry ?? PolicyParserRegistry.Default));

    /// <summary>Reads a policy file (<c>policies</c>, <c>behavior</c>, <c>target</c> bounds, extensions).</summary>
    public static PolicyFile ReadPolicyFile(ReadOnlyMemory<byte> utf8, PolicyParserRegistry? registry = null) =>
        Parse(utf8, root =>
        {
            var target = root.OptionalObject("target", TargetReader.ReadBounds);
            var policySet = PolicySetReader.Read(root, registry ?? PolicyParserRegistry.Default);
            if (target is not null)
            {
                CheckAgainstTarget(root, policySet, target);
            }

            return new PolicyFile(policySet, target);
        });

    /// <summary>
    /// Parses <paramref name="utf8"/> strictly and reads its root object with <paramref name="read"/>, turning JSON syntax
    /// errors into <see cref="ScalingInputException"/>s (path <c>$</c> with line and position).
    /// </summary>
    public static T Parse<T>(ReadOnlyMemory<byte> utf8, Func<JsonFields, T> read)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, Options);
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line
                ? $" at line {line + 1}, position {(exception.BytePositionInLine ?? 0) + 1}"
                : string.Empty;
            throw new ScalingInputException("$", $"invalid JSON{where}");
        }
        catch (ArgumentException)
        {
            throw new ScalingInputException("$", "invalid JSON (not UTF-8 text)");
        }

        using (document)
        {
            return JsonFields.ReadObject(document.RootElement, string.Empty, read);
        }
    }

    /// <summary>Checks a policy set against the target's bounds (scale-to-zero needs min 0).</summary>
    internal static void CheckAgainstTarget(JsonFields root, PolicySet policySet, ScaleTarget target)
    {
        if (policySet.ScaleToZero is not null && target.Min != 0)
        {
            throw new ScalingInputException(
                FieldPath.Field(root.PathOf("target"), "min"), "must be 0 when scaleToZero is configured");
        }
    }
}
