using Autoscaler.Scaling.Metrics;
using Autoscaler.Scaling.Windows;
using BenchmarkDotNet.Attributes;

namespace Autoscaler.Scaling.Benchmarks;

/// <summary>Queries and inserts on full 1-hour windows (10 instances at 1 sample/s).</summary>
[MemoryDiagnoser]
public class WindowBenchmarks
{
    private MetricWindow _cpu = null!;
    private MetricWindow _queue = null!;
    private MetricWindow _latency = null!;
    private long _nowTicks;
    private long _nextTicks;

    [GlobalSetup]
    public void Setup()
    {
        _cpu = WindowFixture.Filled(300);
        _queue = WindowFixture.Filled(4000);
        _latency = WindowFixture.Filled(120);
        _nowTicks = WindowFixture.Now.UtcTicks;
        _nextTicks = _nowTicks;
    }

    /// <summary>What three threshold-style policies ask of their windows: avg 60 s, max 5 min, p95 5 min.</summary>
    [Benchmark]
    public double ThreeAggregations() =>
        _cpu.Aggregate(Aggregation.Avg, TimeSpan.TicksPerMinute, _nowTicks).Value
        + _queue.Aggregate(Aggregation.Max, 5 * TimeSpan.TicksPerMinute, _nowTicks).Value
        + _latency.Aggregate(Aggregation.P95, 5 * TimeSpan.TicksPerMinute, _nowTicks).Value;

    /// <summary>A full-hour percentile: the most expensive query (60 buckets × 400 bins).</summary>
    [Benchmark]
    public double HourP99() => _latency.Aggregate(Aggregation.P99, TimeSpan.TicksPerHour, _nowTicks).Value;

    /// <summary>One sample in time order (the steady-state ingest path, bucket rolls included).</summary>
    [Benchmark]
    public RecordOutcome RecordSample()
    {
        _nextTicks += TimeSpan.TicksPerMillisecond * 100;
        return _cpu.Record("task-3", _nextTicks, 321.5, 1000);
    }
}
