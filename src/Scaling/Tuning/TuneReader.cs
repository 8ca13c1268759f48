using System.Text.Json;
using System.Text.Json.Nodes;
using Autoscaler.Scaling.Json;
using Autoscaler.Scaling.Validation;

namespace Autoscaler.Scaling.Tuning;

/// <summary>
/// Reads a <c>tune</c> document: a demand-mode <c>simulate</c> input (its own <c>policies</c> optional: when present they
/// are the baseline) plus <c>search</c>: <c>{ "policies": [ { ...fixed fields..., "ranges": { "path": [values] } } ],
/// "behavior": { ...fixed fields..., "ranges": { ... } }, "maxUnderProvisionedPercent": 1.0 }</c>.
/// </summary>
public static class TuneReader
{
    private static readonly string[] ExtensionFields = ["consensus", "suspend", "scaleToZero", "fallback", "override"];

    /// <summary>Reads the document; every error names its field.</summary>
    public static TuneRequest Read(ReadOnlyMemory<byte> utf8, PolicyParserRegistry? registry = null) =>
        ScalingDocuments.Parse(utf8, root => Read(root, registry ?? PolicyParserRegistry.Default));

    private static TuneRequest Read(JsonFields root, PolicyParserRegistry registry)
    {
        var hasBaseline = root.Has("policies");
        var extensions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in ExtensionFields)
        {
            if (root.Raw(field) is { } raw)
            {
                extensions[field] = raw.GetRawText();
            }
        }

        var topBehavior = root.Raw("behavior")?.GetRawText();
        var search = root.RequiredObject("search", fields => ReadSearch(fields, topBehavior));
        var simulation = SimulationReader.Read(root, registry, policiesOptional: true)[0].Request;
        if (!simulation.IsDemandMode)
        {
            throw root.Error("trace", "tune needs a demand-mode trace (entries with demand, and the top-level demand)");
        }

        var request = new TuneRequest(simulation, search.Policies, search.Behavior, search.MaxUnder)
        {
            Extensions = extensions,
            HasBaseline = hasBaseline,
        };
        var count = request.CandidateCount;
        if (count > TuneRequest.MaxCandidates)
        {
            throw root.Error("search", $"the ranges make {count} combinations, more than {TuneRequest.MaxCandidates}");
        }

        return request;
    }

    private static (IReadOnlyList<SearchTemplate> Policies, SearchTemplate Behavior, double MaxUnder) ReadSearch(JsonFields fields, string? topBehavior)
    {
        var policies = fields.RequiredArray("policies", ReadTemplate);
        if (policies.Count == 0)
        {
            throw fields.Error("policies", "must hold at least one policy");
        }

        var behavior = fields.OptionalObject("behavior", ReadTemplate)
            ?? new SearchTemplate(topBehavior is null ? [] : JsonNode.Parse(topBehavior)!.AsObject(), []);
        var maxUnder = fields.OptionalNumber("maxUnderProvisionedPercent") ?? 1.0;
        if (maxUnder is < 0 or > 100)
        {
            throw fields.Error("maxUnderProvisionedPercent", "must be between 0 and 100");
        }

        return (policies, behavior, maxUnder);
    }

    private static SearchTemplate ReadTemplate(JsonFields fields)
    {
        var ranges = new List<ParameterRange>();
        var document = new JsonObject();
        foreach (var name in FieldNames(fields))
        {
            var raw = fields.Raw(name);
            if (name == "ranges")
            {
                ranges.AddRange(fields.RequiredObject("ranges", ReadRanges));
                continue;
            }

            document[name] = raw is { } value ? JsonNode.Parse(value.GetRawText()) : null;
        }

        foreach (var range in ranges)
        {
            try
            {
                JsonPaths.Set(document.DeepClone().AsObject(), range.Path, range.Values[0]);
            }
            catch (ArgumentException error)
            {
                throw new ScalingInputException(FieldPath.Field(fields.PathOf("ranges"), range.Path), error.Message[(range.Path.Length + 2)..]);
            }
        }

        return new SearchTemplate(document, ranges);
    }

    private static List<ParameterRange> ReadRanges(JsonFields fields)
    {
        var ranges = new List<ParameterRange>();
        foreach (var path in FieldNames(fields))
        {
            if (!JsonPaths.IsValid(path))
            {
                throw fields.Error(path, "a path is names joined by '.', with [i] indices (target.value, steps[1].adjustment)");
            }

            var raw = fields.Raw(path);
            if (raw is not { ValueKind: JsonValueKind.Array } values || values.GetArrayLength() == 0)
            {
                throw fields.Error(path, "must be a non-empty array of values");
            }

            ranges.Add(new ParameterRange(path, [.. values.EnumerateArray().Select(v => JsonNode.Parse(v.GetRawText()))]));
        }

        return ranges;
    }

    private static IEnumerable<string> FieldNames(JsonFields fields) => fields.Names();
}
