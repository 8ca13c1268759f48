using Autoscaler.Alarms;
using Autoscaler.Alarms.Actions;
using Autoscaler.Alarms.Anomaly;
using Autoscaler.Alarms.Evaluation;
using Autoscaler.Alarms.Json;
using Autoscaler.Alarms.Model;
using Autoscaler.Alarms.Suppression;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Scaling.Validation;

namespace Autoscaler.Grains.Alarms;

/// <summary>
/// One alarm as its grain holds it between writes, in the engine's types: the parsed definition, state, action memory,
/// suppression, escalation, its datapoint ring and anomaly model. <see cref="State.AlarmMapping"/> maps it to the
/// persisted record. No I/O and no clock: time is an argument.
/// </summary>
internal sealed class LiveAlarm(string name)
{
    /// <summary>Anomaly models train on at most this many datapoints (14 days at 5-minute periods).</summary>
    public const int AnomalyHistory = 4032;

    public string Name { get; } = name;

    public string? Json { get; private set; }

    public AlarmDefinition? Definition { get; private set; }

    public AlarmState State { get; set; } = AlarmState.InsufficientData;

    public string Reason { get; set; } = "Unchecked: Initial alarm creation";

    public DateTimeOffset StateChangedAt { get; set; }

    public DateTimeOffset? LastEvaluatedAt { get; set; }

    public long Sequence { get; set; }

    public List<AlarmMute> Mutes { get; set; } = [];

    public ActionMemory Memory { get; } = new();

    public SuppressionStatus Suppression { get; set; } = SuppressionStatus.Idle;

    public int EscalationLevel { get; set; }

    public DatapointRing Ring { get; private set; } = new(TimeSpan.FromMinutes(1), 0);

    public long? SignalCounter { get; set; }

    public double? LastBreach { get; set; }

    public AlarmBand? Band { get; set; }

    public AnomalyModel? Model { get; set; }

    /// <summary>The ring's newest period when <see cref="Model"/> was fitted.</summary>
    public DateTimeOffset? ModelFittedTo { get; set; }

    /// <summary>The evaluator's reused buffer of evaluated datapoints.</summary>
    public EvaluatedPoint[] Buffer { get; private set; } = [];

    /// <summary>When the ring was last persisted.</summary>
    public DateTimeOffset RingSavedAt { get; set; }

    public AlarmDefinition Defined => Definition ?? throw new InvalidOperationException($"alarm '{Name}' does not exist");

    /// <summary>How often the grain ticks: the period (hourly collection for longer ones), or the composite refresh.</summary>
    public TimeSpan TickStep(TimeSpan compositeRefresh) =>
        Defined.Metric is { } metric ? TimeSpan.FromSeconds(Math.Min(metric.PeriodSeconds, ClusterRules.WindowSeconds)) : compositeRefresh;

    /// <summary>Reads and checks a definition for this alarm; <see cref="ArgumentException"/> lists every problem by field.</summary>
    public AlarmDefinition Parse(string json)
    {
        AlarmDefinition definition;
        try
        {
            definition = AlarmDocuments.ReadDefinition(json);
        }
        catch (ScalingInputException error)
        {
            throw new ArgumentException(string.Join("; ", error.Errors));
        }

        if (definition.Name != Name)
        {
            throw new ArgumentException($"name: '{definition.Name}' does not match the alarm '{Name}'");
        }

        var problems = ClusterRules.Check(definition);
        return problems.Count == 0 ? definition : throw new ArgumentException(string.Join("; ", problems));
    }

    /// <summary>Takes <paramref name="definition"/>; what it watches changed, its datapoint memory starts afresh.</summary>
    public void Define(AlarmDefinition definition, string json, DateTimeOffset now)
    {
        var previous = Definition;
        Definition = definition;
        Json = json;
        if (previous is null)
        {
            StateChangedAt = now;
        }

        var metric = definition.Metric;
        var watchedSame = previous?.Metric is { } old && metric is not null && old.Metric == metric.Metric
            && old.PeriodSeconds == metric.PeriodSeconds && old.Statistic == metric.Statistic && previous.Target == definition.Target;
        if (!watchedSame)
        {
            Ring = NewRing(definition);
            Model = null;
            ModelFittedTo = null;
            SignalCounter = null;
        }

        Buffer = new EvaluatedPoint[metric?.Rule.EvaluationPeriods ?? 1];
    }

    /// <summary>The open mute window's reason at <paramref name="now"/>; windows that are over are forgotten.</summary>
    public string? OpenMute(DateTimeOffset now)
    {
        Mutes.RemoveAll(m => m.Until <= now);
        return Mutes.FirstOrDefault(m => m.From <= now && now < m.Until) is { } open ? $"{open.Reason} (until {open.Until:u})" : null;
    }

    public string NextId() => $"{Name}-{++Sequence}";

    /// <summary>The ring a definition needs: anomaly history, hourly datapoints for long periods, the range of control-plane metrics.</summary>
    public static DatapointRing NewRing(AlarmDefinition definition)
    {
        if (definition.Metric is not { } metric)
        {
            return new DatapointRing(TimeSpan.FromMinutes(1), 0);
        }

        var step = TimeSpan.FromSeconds(Math.Min(metric.PeriodSeconds, ClusterRules.WindowSeconds));
        var range = ClusterRules.RangeLength(metric) * (int)Math.Max(1, metric.PeriodSeconds / step.TotalSeconds);
        var capacity = metric.BandWidth is not null ? Math.Max(range, Math.Min(AnomalyHistory, (int)(TimeSpan.FromDays(14) / step)))
            : metric.PeriodSeconds > ClusterRules.WindowSeconds || ControlPlaneMetrics.IsControlPlane(metric.Metric) ? range
            : 0;
        return new DatapointRing(step, capacity);
    }
}
