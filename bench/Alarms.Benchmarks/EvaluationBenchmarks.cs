using Autoscaler.Alarms.Anomaly;
using Autoscaler.Alarms.Composite;
using Autoscaler.Alarms.Evaluation;
using Autoscaler.Alarms.Model;
using BenchmarkDotNet.Attributes;

namespace Autoscaler.Alarms.Benchmarks;

/// <summary>
/// What an alarm grain's engine does at each period boundary in steady state: one metric alarm evaluated over its range
/// (3 of 5 datapoints, one period missing, static threshold), the same against an anomaly band (bands computed from a
/// fitted model for each datapoint), and a composite rule over four alarms. The baseline is the floor: one pass over the
/// same range counting breaches, with no M of N, missing-data or state logic.
/// </summary>
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    private static readonly DateTimeOffset End = new(2026, 1, 12, 9, 0, 0, TimeSpan.Zero);

    private readonly double[] _range = [72, 85, double.NaN, 91, 88, 79, 93];
    private readonly EvaluatedPoint[] _evaluated = new EvaluatedPoint[16];
    private readonly double[] _lower = new double[7];
    private readonly double[] _upper = new double[7];
    private readonly MetricAlarmRule _static = new(ComparisonOperator.GreaterThanThreshold, 80, 5, 3, MissingDataTreatment.Missing);
    private readonly MetricAlarmRule _band = new(ComparisonOperator.LessThanLowerOrGreaterThanUpperThreshold, 0, 5, 3, MissingDataTreatment.Missing);
    private readonly Dictionary<string, AlarmState> _states = new(StringComparer.Ordinal)
    {
        ["HighCPU"] = AlarmState.Alarm,
        ["HighLatency"] = AlarmState.Ok,
        ["QueueDepth"] = AlarmState.Alarm,
        ["Maintenance"] = AlarmState.Ok,
    };

    private AnomalyModel _model = null!;
    private CompositeRule _rule = null!;
    private Func<string, AlarmState> _stateOf = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Two weeks of a daily sine at 5-minute steps, a little noise: what the band alarms are fitted on.
        var step = TimeSpan.FromMinutes(5);
        var history = new double[14 * 288];
        var random = new Random(7);
        for (var i = 0; i < history.Length; i++)
        {
            history[i] = 100 + (40 * Math.Sin(2 * Math.PI * (i % 288) / 288)) + (random.NextDouble() * 6);
        }

        _model = AnomalyModel.Fit(history, End.AddDays(-14), step) ?? throw new InvalidOperationException("model not ready");
        _rule = RuleParser.Parse("""(ALARM("HighCPU") OR ALARM("HighLatency")) AND ALARM(QueueDepth) AND NOT ALARM(Maintenance)""");
        _stateOf = name => _states.TryGetValue(name, out var state) ? state : AlarmState.InsufficientData;
    }

    /// <summary>The floor: count the breaching real datapoints of the range.</summary>
    [Benchmark(Baseline = true)]
    public int CountBreaches()
    {
        var breaching = 0;
        foreach (var value in _range)
        {
            breaching += value > 80 ? 1 : 0;
        }

        return breaching;
    }

    /// <summary>A static-threshold metric alarm: 3 of 5 over a 7-period range with one missing period.</summary>
    [Benchmark]
    public AlarmState EvaluateMetricAlarm() => MetricAlarmEvaluator.Evaluate(_static, AlarmState.Ok, _range, _evaluated).State;

    /// <summary>An anomaly-band alarm: the band of each of the 7 periods from the model, then the same evaluation.</summary>
    [Benchmark]
    public AlarmState EvaluateBandAlarm()
    {
        for (var i = 0; i < _range.Length; i++)
        {
            var band = _model.Band(End.AddMinutes(-5 * (_range.Length - i)), 2);
            _lower[i] = band.Lower;
            _upper[i] = band.Upper;
        }

        return MetricAlarmEvaluator.Evaluate(_band, AlarmState.Ok, _range, _evaluated, _lower, _upper).State;
    }

    /// <summary>A composite alarm's rule over four alarms' states.</summary>
    [Benchmark]
    public AlarmState EvaluateCompositeRule() => _rule.Evaluate(_stateOf);
}
