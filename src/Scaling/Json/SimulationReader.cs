using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Simulation;
using Autoscaler.Scaling.Validation;

namespace Autoscaler.Scaling.Json;

/// <summary>
/// Reads a <c>simulate</c> document: the evaluate contract's <c>target</c>, policy set and <c>history</c>, plus
/// <c>evaluationIntervalSeconds</c>, <c>actuationDelaySeconds</c>, <c>unitCostPerHour</c>, the <c>trace</c> (recorded
/// <c>metrics</c>, or total <c>demand</c> with the top-level <c>demand.NAME.perInstance</c>), <c>score</c>,
/// <c>recorded</c> and <c>variants</c>. Every entry is checked: times strictly increasing, no negative value.
/// </summary>
public static class SimulationReader
{
    /// <summary>Name of the variant made of the document's top-level policies when <c>variants</c> is present too.</summary>
    public const string BaseVariant = "input";

    /// <summary>
    /// Reads the document. With <paramref name="policiesOptional"/> (a tuner's input) a document without <c>policies</c>
    /// gives a request with an empty policy set.
    /// </summary>
    public static IReadOnlyList<SimulationVariant> Read(JsonFields root, PolicyParserRegistry registry, bool policiesOptional = false)
    {
        ArgumentNullException.ThrowIfNull(root);
        var target = root.RequiredObject("target", TargetReader.Read);
        var hasVariants = root.Has("variants");
        var hasPolicies = root.Has("policies");
        var policySet = hasPolicies || !(hasVariants || policiesOptional) ? PolicySetReader.Read(root, registry) : null;
        var interval = root.RequiredInt("evaluationIntervalSeconds", 1, 86_400);
        var demand = root.OptionalMap("demand", ReadDemandMetric);
        var trace = root.RequiredArray("trace", ReadTraceEntry);
        CheckTrace(root, trace, demand);
        CheckLength(root, trace, interval);
        var score = root.OptionalObject("score", ReadScore) ?? ScoreWindow.Whole;
        CheckScore(root, score, trace);
        var template = new SimulationRequest(target, policySet ?? new PolicySet([]), interval, trace)
        {
            ActuationDelaySeconds = root.OptionalInt("actuationDelaySeconds", 0, 86_400) ?? 0,
            UnitCostPerHour = ReadCost(root),
            History = root.OptionalObject("history", HistoryReader.Read),
            Demand = demand is null ? [] : [.. demand.Values],
            Score = score,
            RecordedCapacity = root.OptionalObject("recorded", ReadRecorded),
        };

        var variants = new List<SimulationVariant>();
        if (policySet is not null)
        {
            ScalingDocuments.CheckAgainstTarget(root, policySet, target);
            variants.Add(new SimulationVariant(BaseVariant, template));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var listed = root.OptionalArray("variants", fields => ReadVariant(fields, registry)) ?? [];
        for (var i = 0; i < listed.Count; i++)
        {
            var (name, set) = listed[i];
            var path = FieldPath.Item(root.PathOf("variants"), i);
            if (!names.Add(name) || (policySet is not null && name == BaseVariant))
            {
                throw new ScalingInputException(FieldPath.Field(path, "name"), $"duplicate variant name \"{name}\"");
            }

            if (set.ScaleToZero is not null && target.Min != 0)
            {
                throw new ScalingInputException(FieldPath.Field(root.PathOf("target"), "min"), $"must be 0 when {path}.scaleToZero is configured");
            }

            variants.Add(new SimulationVariant(name, template with { PolicySet = set }));
        }

        if (hasVariants && listed.Count == 0)
        {
            throw root.Error("variants", "must hold at least one variant");
        }

        if (variants.Count == 0)
        {
            variants.Add(new SimulationVariant(BaseVariant, template));
        }

        return variants;
    }

    private static (string Name, PolicySet Set) ReadVariant(JsonFields fields, PolicyParserRegistry registry) =>
        (fields.RequiredString("name"), PolicySetReader.Read(fields, registry));

    private static DemandMetric ReadDemandMetric(string name, JsonFields fields)
    {
        var perInstance = fields.RequiredNumber("perInstance");
        return perInstance > 0 ? new DemandMetric(name, perInstance) : throw fields.Error("perInstance", "must be positive");
    }

    private static TraceEntry ReadTraceEntry(JsonFields fields)
    {
        var at = fields.RequiredTime("at");
        var demand = fields.OptionalNumberMap("demand");
        var metrics = MetricsReader.Read(fields);
        if (demand is not null && fields.Has("metrics"))
        {
            throw fields.Error("metrics", "an entry carries either metrics or demand, not both");
        }

        if (demand is not null)
        {
            foreach (var (name, value) in demand)
            {
                if (value < 0)
                {
                    throw new ScalingInputException(FieldPath.Field(fields.PathOf("demand"), name), $"must not be negative, not {PolicyText(value)}");
                }
            }

            return TraceEntry.ForDemand(at, demand);
        }

        CheckNotNegative(fields, metrics);
        return new TraceEntry(at, metrics);
    }

    private static void CheckNotNegative(JsonFields fields, IReadOnlyDictionary<string, MetricReading> metrics)
    {
        foreach (var (name, reading) in metrics)
        {
            var path = FieldPath.Field(fields.PathOf("metrics"), name);
            if (reading.Value is < 0)
            {
                throw new ScalingInputException(FieldPath.Field(path, "value"), $"must not be negative, not {PolicyText(reading.Value.Value)}");
            }

            for (var i = 0; reading.Instances is not null && i < reading.Instances.Count; i++)
            {
                if (reading.Instances[i].Value is < 0)
                {
                    throw new ScalingInputException(
                        FieldPath.Field(FieldPath.Item(FieldPath.Field(path, "instances"), i), "value"),
                        $"must not be negative, not {PolicyText(reading.Instances[i].Value!.Value)}");
                }
            }
        }
    }

    private static void CheckTrace(JsonFields root, IReadOnlyList<TraceEntry> trace, IReadOnlyDictionary<string, DemandMetric>? demand)
    {
        if (trace.Count == 0)
        {
            throw root.Error("trace", "must hold at least one entry");
        }

        var demandMode = trace[0].Demand is not null;
        for (var i = 0; i < trace.Count; i++)
        {
            var path = FieldPath.Item(root.PathOf("trace"), i);
            if (i > 0 && trace[i].At <= trace[i - 1].At)
            {
                var problem = trace[i].At == trace[i - 1].At ? "duplicate timestamp" : "out of order";
                throw new ScalingInputException(
                    FieldPath.Field(path, "at"), $"{problem}: entries must be in strictly increasing time order (trace[{i - 1}].at is {Rfc3339.Format(trace[i - 1].At)})");
            }

            if ((trace[i].Demand is not null) != demandMode)
            {
                throw new ScalingInputException(path, "a trace carries either demand (closed loop) or metrics (open loop) in every entry, not a mix");
            }

            foreach (var name in trace[i].Demand?.Keys ?? [])
            {
                if (demand is null || !demand.ContainsKey(name))
                {
                    throw new ScalingInputException(
                        FieldPath.Field(FieldPath.Field(path, "demand"), name), $"is not declared in the top-level demand (add \"demand\": {{ \"{name}\": {{ \"perInstance\": N }} }})");
                }
            }
        }

        if (demandMode && demand is null)
        {
            throw root.Error("demand", "is required when the trace carries demand: what one instance serves, per metric");
        }

        if (!demandMode && demand is not null)
        {
            throw root.Error("demand", "applies only to a trace that carries demand, not recorded metrics");
        }
    }

    private static void CheckLength(JsonFields root, IReadOnlyList<TraceEntry> trace, int interval)
    {
        var evaluations = ((trace[^1].At - trace[0].At).TotalSeconds / interval) + 1;
        if (evaluations > SimulationRequest.MaxEvaluations)
        {
            throw root.Error(
                "evaluationIntervalSeconds",
                $"gives {evaluations:0} evaluations over the trace, more than {SimulationRequest.MaxEvaluations}");
        }
    }

    private static ScoreWindow ReadScore(JsonFields fields) => new(fields.OptionalTime("from"), fields.OptionalTime("to"));

    private static void CheckScore(JsonFields root, ScoreWindow score, IReadOnlyList<TraceEntry> trace)
    {
        var path = root.PathOf("score");
        if (score.From is { } from && score.To is { } to && to <= from)
        {
            throw new ScalingInputException(FieldPath.Field(path, "to"), "must be after score.from");
        }

        if (score.From is { } start && start >= trace[^1].At)
        {
            throw new ScalingInputException(FieldPath.Field(path, "from"), $"must be before the trace's last entry ({Rfc3339.Format(trace[^1].At)})");
        }

        if (score.To is { } end && end <= trace[0].At)
        {
            throw new ScalingInputException(FieldPath.Field(path, "to"), $"must be after the trace's first entry ({Rfc3339.Format(trace[0].At)})");
        }
    }

    private static IReadOnlyList<CapacityPoint> ReadRecorded(JsonFields fields)
    {
        var points = fields.RequiredArray("capacity", point => new CapacityPoint(point.RequiredTime("at"), point.RequiredInt("capacity", 0)));
        for (var i = 1; i < points.Count; i++)
        {
            if (points[i].At <= points[i - 1].At)
            {
                throw new ScalingInputException(FieldPath.Field(FieldPath.Item(fields.PathOf("capacity"), i), "at"), "must be after the previous point");
            }
        }

        return points;
    }

    private static double ReadCost(JsonFields root)
    {
        var cost = root.OptionalNumber("unitCostPerHour") ?? 0;
        return cost >= 0 ? cost : throw root.Error("unitCostPerHour", "must not be negative");
    }

    private static string PolicyText(double value) => Policies.PolicyText.Number(value);
}
