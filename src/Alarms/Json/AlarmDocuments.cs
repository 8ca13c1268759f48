using System.Text.Json;
using Autoscaler.Alarms.Composite;
using Autoscaler.Alarms.Model;
using Autoscaler.Scaling.Json;
using Autoscaler.Scaling.Metrics;
using Autoscaler.Scaling.Validation;

namespace Autoscaler.Alarms.Json;

/// <summary>
/// The alarm documents of docs/contracts/alarms.md: strict JSON (unknown fields are errors), every failure a
/// <see cref="ScalingInputException"/> naming its field path.
/// </summary>
public static class AlarmDocuments
{
    /// <summary>The most datapoints an evaluation range may hold.</summary>
    public const int MaxDatapoints = 10_000;

    /// <summary>Reads an <c>alarms evaluate</c> document.</summary>
    public static EvaluateRequest ReadEvaluate(ReadOnlyMemory<byte> utf8) => ScalingDocuments.Parse(utf8, ReadEvaluate);

    /// <summary>Reads an <c>alarms composite</c> document.</summary>
    public static CompositeRequest ReadComposite(ReadOnlyMemory<byte> utf8) => ScalingDocuments.Parse(utf8, ReadComposite);

    /// <summary>Reads one alarm definition.</summary>
    public static AlarmDefinition ReadDefinition(ReadOnlyMemory<byte> utf8) => ScalingDocuments.Parse(utf8, f => AlarmReader.Read(f));

    /// <summary>Reads one alarm definition from text.</summary>
    public static AlarmDefinition ReadDefinition(string json) => ReadDefinition(System.Text.Encoding.UTF8.GetBytes(json));

    /// <summary>Reads an alarm file: one alarm object or <c>{ "alarms": [ ... ] }</c>; names must be unique.</summary>
    public static IReadOnlyList<AlarmDefinition> ReadFile(ReadOnlyMemory<byte> utf8) =>
        ScalingDocuments.Parse(utf8, root =>
        {
            if (!root.Has("alarms"))
            {
                return [AlarmReader.Read(root)];
            }

            var alarms = root.RequiredArray("alarms", f => AlarmReader.Read(f));
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < alarms.Count; i++)
            {
                if (!seen.Add(alarms[i].Name))
                {
                    throw new ScalingInputException(FieldPath.Field(FieldPath.Item("alarms", i), "name"), $"duplicate alarm name \"{alarms[i].Name}\"");
                }
            }

            return alarms;
        });

    private static EvaluateRequest ReadEvaluate(JsonFields root)
    {
        var alarm = root.RequiredObject("alarm", f => AlarmReader.Read(f, requireName: false));
        if (alarm.Metric is not { } metric)
        {
            throw root.Error("alarm", "must be a metric alarm (for a rule, use alarms composite)");
        }

        var state = State(root, "state");
        var datapoints = Datapoints(root, metric.Rule.EvaluationPeriods);
        AnomalyInput? anomaly = null;
        if (metric.BandWidth is not null)
        {
            var history = root.RequiredObject("history", ReadHistory);
            anomaly = new AnomalyInput(history, root.RequiredTime("end"));
        }
        else if (root.Has("history") || root.Has("end"))
        {
            throw root.Error(root.Has("history") ? "history" : "end", "is for anomaly alarms (comparison against a band) only");
        }

        return new EvaluateRequest(alarm, state, datapoints, anomaly);
    }

    private static CompositeRequest ReadComposite(JsonFields root)
    {
        var rule = RuleParser.Parse(root.RequiredString("rule"), root.PathOf("rule"));
        var states = root.OptionalElement("states") is { } element
            ? ReadStates(element, root.PathOf("states"))
            : throw root.Error("states", "is required");
        var problems = new List<ValidationError>();
        foreach (var (name, column) in rule.Alarms)
        {
            if (!states.ContainsKey(name))
            {
                problems.Add(new ValidationError(root.PathOf("states"), $"has no state for alarm \"{name}\", which the rule names at column {column}"));
            }
        }

        if (problems.Count > 0)
        {
            throw new ScalingInputException(problems);
        }

        return new CompositeRequest(rule, states, State(root, "state"));
    }

    private static Dictionary<string, AlarmState> ReadStates(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ScalingInputException(path, "must be an object of alarm name -> OK, ALARM or INSUFFICIENT_DATA");
        }

        var states = new Dictionary<string, AlarmState>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var at = FieldPath.Field(path, property.Name);
            if (states.ContainsKey(property.Name))
            {
                throw new ScalingInputException(at, "duplicate field");
            }

            var text = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
            states[property.Name] = AlarmStates.TryParse(text, out var state)
                ? state
                : throw new ScalingInputException(at, $"must be one of OK, ALARM, INSUFFICIENT_DATA, not {property.Value.GetRawText()}");
        }

        return states;
    }

    private static AlarmState State(JsonFields root, string name)
    {
        if (root.OptionalString(name) is not { } text)
        {
            return AlarmState.InsufficientData;
        }

        return AlarmStates.TryParse(text, out var state)
            ? state
            : throw root.Error(name, $"must be one of OK, ALARM, INSUFFICIENT_DATA, not \"{text}\"");
    }

    private static double[] Datapoints(JsonFields root, int evaluationPeriods)
    {
        var path = root.PathOf("datapoints");
        if (root.OptionalElement("datapoints") is not { } element)
        {
            throw root.Error("datapoints", "is required");
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            throw root.Error("datapoints", "must be an array of numbers and nulls (null = a missing period), oldest first");
        }

        var values = new List<double>(element.GetArrayLength());
        var problems = new List<ValidationError>();
        foreach (var item in element.EnumerateArray())
        {
            var at = FieldPath.Item(path, values.Count);
            if (item.ValueKind == JsonValueKind.Null)
            {
                values.Add(double.NaN);
            }
            else if (item.ValueKind == JsonValueKind.Number && item.TryGetDouble(out var value) && double.IsFinite(value))
            {
                values.Add(value);
            }
            else
            {
                problems.Add(new ValidationError(at, $"must be a finite number or null, not {item.GetRawText()}"));
                values.Add(double.NaN);
            }
        }

        if (values.Count < evaluationPeriods)
        {
            problems.Add(new ValidationError(path, $"must hold at least evaluationPeriods ({evaluationPeriods}) entries, not {values.Count}"));
        }
        else if (values.Count > MaxDatapoints)
        {
            problems.Add(new ValidationError(path, $"must hold at most {MaxDatapoints} entries, not {values.Count}"));
        }

        return problems.Count == 0 ? [.. values] : throw new ScalingInputException(problems);
    }

    private static HistorySeries ReadHistory(JsonFields fields)
    {
        var start = fields.RequiredTime("start");
        var step = fields.RequiredInt("stepSeconds", 60, 86_400);
        if (86_400 % step != 0)
        {
            throw fields.Error("stepSeconds", $"must divide one day (86400 s), not {step}");
        }

        if (fields.OptionalElement("values") is not { ValueKind: JsonValueKind.Array } element)
        {
            throw fields.Error("values", "is required: an array of numbers and nulls, oldest first");
        }

        var values = new List<double>(element.GetArrayLength());
        foreach (var item in element.EnumerateArray())
        {
            values.Add(item.ValueKind switch
            {
                JsonValueKind.Null => double.NaN,
                JsonValueKind.Number when item.TryGetDouble(out var v) && double.IsFinite(v) => v,
                _ => throw new ScalingInputException(FieldPath.Item(fields.PathOf("values"), values.Count), $"must be a finite number or null, not {item.GetRawText()}"),
            });
        }

        return values.Count <= 14 * 86_400 / step
            ? new HistorySeries(start, TimeSpan.FromSeconds(step), values)
            : throw fields.Error("values", "must cover at most 14 days");
    }
}
