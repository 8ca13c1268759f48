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

    /// <summary>Reads the root object of a <c>simulate</c> document.</summary>
    public static SimulationRequest ReadSimulation(JsonFields root, PolicyParserRegistry registry)
    {
        var target = root.RequiredObject("target", TargetReader.Read);
        var policySet = PolicySetReader.Read(root, registry);
        var interval = root.RequiredInt("evaluationIntervalSeconds", 1, 86_400);
        var trace = root.RequiredArray("trace", ReadTraceEntry);
        if (trace.Count == 0)
        {
            throw root.Error("trace", "must hold at least one entry");
        }

        for (var i = 1; i < trace.Count; i++)
        {
            if (trace[i].At < trace[i - 1].At)
            {
                throw new ScalingInputException(FieldPath.Field(FieldPath.Item(root.PathOf("trace"), i), "at"), "entries must be in time order");
            }
        }

        var evaluations = ((trace[^1].At - trace[0].At).TotalSeconds / interval) + 1;
        if (evaluations > SimulationRequest.MaxEvaluations)
        {
            throw root.Error(
                "evaluationIntervalSeconds",
                $"gives {evaluations:0} evaluations over the trace, more than {SimulationRequest.MaxEvaluations}");
        }

        CheckAgainstTarget(root, policySet, target);
        return new SimulationRequest(target, policySet, interval, trace)
        {
            ActuationDelaySeconds = root.OptionalInt("actuationDelaySeconds", 0, 86_400) ?? 0,
            UnitCostPerHour = ReadCost(root),
            History = root.OptionalObject("history", HistoryReader.Read),
        };
    }

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

    private static TraceEntry ReadTraceEntry(JsonFields fields) =>
        new(fields.RequiredTime("at"), MetricsReader.Read(fields));

    private static double ReadCost(JsonFields root)
    {
        var cost = root.OptionalNumber("unitCostPerHour") ?? 0;
        return cost >= 0 ? cost : throw root.Error("unitCostPerHour", "must not be negative");
    }

    private static void CheckAgainstTarget(JsonFields root, PolicySet policySet, ScaleTarget target)
    {
        if (policySet.ScaleToZero is not null && target.Min != 0)
        {
            throw new ScalingInputException(
                FieldPath.Field(root.PathOf("target"), "min"), "must be 0 when scaleToZero is configured");
        }
    }
}
