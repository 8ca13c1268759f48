using System.Diagnostics.Metrics;

namespace Autoscaler.Grains.Monitoring;

/// <summary>
/// The control plane's own instruments on the <c>Autoscaler.ControlPlane</c> meter: evaluations, decisions by outcome,
/// supervisor answers, actuations by actuator and result, and per-target capacity gauges read from
/// <see cref="TargetCapacityRegistry"/> when an exporter collects (never a grain call per target). Tags are bounded sets
/// (outcome, trigger, actuator, result) except <c>target</c> on the capacity gauges: one series per registered target.
/// </summary>
public sealed class ControlPlaneMetrics
{
    /// <summary>The meter name.</summary>
    public const string MeterName = "Autoscaler.ControlPlane";

    /// <summary>The instruments with one series per target (their series count is bounded by the exporter's configuration).</summary>
    public static readonly IReadOnlyList<string> PerTargetInstruments =
    [
        "autoscaler.target.capacity.current", "autoscaler.target.capacity.desired", "autoscaler.target.capacity.min", "autoscaler.target.capacity.max",
        "autoscaler.agents.active", "autoscaler.agents.pending_tasks", "autoscaler.agents.utilization",
    ];

    private readonly Counter<long> _evaluations;
    private readonly Histogram<double> _evaluationDuration;
    private readonly Counter<long> _decisions;
    private readonly Counter<long> _supervisorAnswers;
    private readonly Counter<long> _actuations;
    private readonly Histogram<double> _actuationDuration;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public ControlPlaneMetrics(IMeterFactory meterFactory, TargetCapacityRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Registry = registry ?? throw new ArgumentNullException(nameof(registry));
        var meter = meterFactory.Create(MeterName);
        _evaluations = meter.CreateCounter<long>("autoscaler.evaluations", "{evaluation}", "Target evaluations, by trigger");
        _evaluationDuration = meter.CreateHistogram<double>("autoscaler.evaluation.duration", "s",
            "Time from evaluation start to the outcome (engine, supervisor, write-ahead, actuation), by trigger",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
        _decisions = meter.CreateCounter<long>("autoscaler.decisions", "{decision}",
            "Decision records by outcome (pending, succeeded, failed, rolled-back, trimmed, not-actuated)");
        _supervisorAnswers = meter.CreateCounter<long>("autoscaler.supervisor.requests", "{request}",
            "Capacity requests the supervisors answered, by result (approved, trimmed, disabled, dry-run)");
        _actuations = meter.CreateCounter<long>("autoscaler.actuations", "{actuation}", "Capacity changes sent to actuators, by actuator and result");
        _actuationDuration = meter.CreateHistogram<double>("autoscaler.actuation.duration", "s", "Time an actuator took to apply a change, by actuator",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
        meter.CreateObservableGauge("autoscaler.targets", () => Registry.Count, "{target}", "Targets active on this silo");
        meter.CreateObservableGauge(PerTargetInstruments[0], () => Read(static r => r.Current), "{instance}",
            "Capacity in effect per target");
        meter.CreateObservableGauge(PerTargetInstruments[1], () => Read(static r => r.Desired), "{instance}",
            "Capacity the engine recommended at the last evaluation, per target");
        meter.CreateObservableGauge(PerTargetInstruments[2], () => Read(static r => r.Min), "{instance}", "Registered minimum capacity per target");
        meter.CreateObservableGauge(PerTargetInstruments[3], () => Read(static r => r.Max), "{instance}", "Registered maximum capacity per target");
        meter.CreateObservableGauge(PerTargetInstruments[4], () => ReadAgents("ActiveAgentCount"), "{agent}", "Active agents per agent pool");
        meter.CreateObservableGauge(PerTargetInstruments[5], () => ReadAgents("PendingTaskCount"), "{task}", "Pending tasks reported per agent pool");
        meter.CreateObservableGauge(PerTargetInstruments[6], () => ReadAgents("AgentUtilization"), "%", "Average agent utilization per agent pool");
    }

    /// <summary>Where the targets report their capacity.</summary>
    public TargetCapacityRegistry Registry { get; }

    /// <summary>Counts one evaluation and its duration.</summary>
    public void Evaluated(string trigger, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>("trigger", trigger);
        _evaluations.Add(1, tag);
        _evaluationDuration.Record(elapsed.TotalSeconds, tag);
    }

    /// <summary>Counts one decision record with its outcome.</summary>
    public void Decided(string outcome) => _decisions.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>Counts a supervisor's answer.</summary>
    public void SupervisorAnswered(string result) => _supervisorAnswers.Add(1, new KeyValuePair<string, object?>("result", result));

    /// <summary>Counts one actuation and its duration.</summary>
    public void Actuated(string actuator, bool succeeded, TimeSpan elapsed)
    {
        var kind = new KeyValuePair<string, object?>("actuator", actuator);
        _actuations.Add(1, kind, new KeyValuePair<string, object?>("result", succeeded ? "succeeded" : "failed"));
        _actuationDuration.Record(elapsed.TotalSeconds, kind);
    }

    private IEnumerable<Measurement<double>> ReadAgents(string aggregate)
    {
        foreach (var reading in Registry.Readings())
        {
            if (reading.Agents is { } agents && agents.TryGetValue(aggregate, out var value))
            {
                yield return new Measurement<double>(value, new KeyValuePair<string, object?>("target", reading.Target));
            }
        }
    }

    private IEnumerable<Measurement<int>> Read(Func<TargetCapacityReading, int> value)
    {
        foreach (var reading in Registry.Readings())
        {
            yield return new Measurement<int>(value(reading), new KeyValuePair<string, object?>("target", reading.Target));
        }
    }
}
