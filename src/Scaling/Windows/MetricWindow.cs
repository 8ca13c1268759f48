using Autoscaler.Scaling.Metrics;

namespace Autoscaler.Scaling.Windows;

/// <summary>
/// A bounded-memory, time-based window over one metric reported by many instances. Samples land in fixed time buckets
/// (count, sum, min, max, earliest/latest sample, log histogram); each instance keeps only its latest state. Queries
/// are resolved to whole buckets and cost O(buckets), never O(samples), and allocate nothing. Time is always an
/// argument: the window never reads a clock.
/// </summary>
/// <remarks>
/// Ordering rules, chosen so that the same samples give the same answers whatever order they arrive in:
/// a late sample still inside the window goes to the bucket of its own timestamp (it never moves an instance's latest
/// value backwards); a sample older than the window is dropped; a sample with the same instance and timestamp as one of
/// that instance's last four samples replaces it (last write wins, so re-deliveries are not double counted; min and max
/// keep the replaced value, since they cannot forget without raw samples). Not thread-safe: one owner (a grain) at a time.
/// </remarks>
public sealed class MetricWindow
{
    private readonly BucketRing _buckets;
    private readonly InstanceTable _instances;
    private readonly long _stalenessTicks;

    /// <summary>Creates an empty window.</summary>
    public MetricWindow(MetricWindowOptions? options = null)
    {
        Options = options ?? MetricWindowOptions.Default;
        Options.Validate();
        _buckets = new BucketRing(Options.BucketWidth.Ticks, Options.BucketCount);
        _instances = new InstanceTable(Options.MaxInstances);
        _stalenessTicks = Options.StalenessLimit.Ticks;
    }

    /// <summary>The shape this window was created with.</summary>
    public MetricWindowOptions Options { get; }

    /// <summary>Number of instances currently tracked (fresh or missing).</summary>
    public int InstanceCount => _instances.Count;

    /// <summary>UTC ticks of the newest sample recorded (any instance); long.MinValue when none was.</summary>
    public long LatestSampleTicks => _instances.LatestTicks;

    /// <summary>Samples dropped because they were too old, not finite, or had no room.</summary>
    public long DroppedSamples { get; private set; }

    /// <summary>
    /// Deterministic size accounting of the memory this window holds (arrays with headers, the instance index, the
    /// object itself); instance id strings belong to the caller and are not counted.
    /// </summary>
    public int RetainedBytes => 48 + 80 + _buckets.RetainedBytes + _instances.RetainedBytes;

    /// <summary>Records one sample at an instant.</summary>
    public RecordOutcome Record(string instanceId, DateTimeOffset at, double value, double? request = null, bool ready = true) =>
        Record(instanceId, at.UtcTicks, value, request ?? double.NaN, ready);

    /// <summary>Records one sample; <paramref name="timestampTicks"/> are UTC ticks (<see cref="DateTimeOffset.UtcTicks"/>).</summary>
    public RecordOutcome Record(string instanceId, long timestampTicks, double value, double request = double.NaN, bool ready = true)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        if (!double.IsFinite(value))
        {
            DroppedSamples++;
            return RecordOutcome.NotFinite;
        }

        if (!_buckets.Accepts(timestampTicks))
        {
            DroppedSamples++;
            return RecordOutcome.TooOld;
        }

        var slot = _instances.Resolve(instanceId, timestampTicks, _stalenessTicks);
        if (slot < 0)
        {
            DroppedSamples++;
            return RecordOutcome.TooManyInstances;
        }

        if (_instances.TryFindRecent(slot, timestampTicks, out var recent, out var oldValue))
        {
            _buckets.Replace(timestampTicks, oldValue, value);
            _instances.Observe(slot, recent, timestampTicks, value, request, ready);
            return RecordOutcome.Replaced;
        }

        _buckets.Add(timestampTicks, value);
        _instances.Observe(slot, -1, timestampTicks, value, request, ready);
        return RecordOutcome.Added;
    }

    /// <summary>Aggregates the samples of every bucket overlapping (now − window, now] across all instances.</summary>
    public WindowAggregate Aggregate(Aggregation aggregation, TimeSpan window, DateTimeOffset now) =>
        Aggregate(aggregation, window.Ticks, now.UtcTicks);

    /// <summary>Tick-based form of <see cref="Aggregate(Aggregation, TimeSpan, DateTimeOffset)"/>.</summary>
    public WindowAggregate Aggregate(Aggregation aggregation, long windowTicks, long nowTicks)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowTicks);
        return _buckets.Aggregate(aggregation, windowTicks, nowTicks);
    }

    /// <summary>The latest state of the instance at <paramref name="index"/> (0 ≤ index &lt; <see cref="InstanceCount"/>).</summary>
    public InstanceReading GetInstance(int index, DateTimeOffset now) => GetInstance(index, now.UtcTicks);

    /// <summary>Tick-based form of <see cref="GetInstance(int, DateTimeOffset)"/>.</summary>
    public InstanceReading GetInstance(int index, long nowTicks) => GetInstance(index, nowTicks, _stalenessTicks);

    /// <summary>
    /// The latest state of an instance, missing when its latest sample is older than <paramref name="stalenessTicks"/>
    /// (a caller's stricter limit than the window's own, such as a freshness limit).
    /// </summary>
    public InstanceReading GetInstance(int index, long nowTicks, long stalenessTicks)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _instances.Count);
        return _instances.Read(index, nowTicks, stalenessTicks);
    }

    /// <summary>Copies every instance's latest state; returns how many were written (at most the span's length).</summary>
    public int CopyInstances(Span<InstanceReading> destination, DateTimeOffset now)
    {
        var written = Math.Min(destination.Length, _instances.Count);
        for (var i = 0; i < written; i++)
        {
            destination[i] = _instances.Read(i, now.UtcTicks, _stalenessTicks);
        }

        return written;
    }

    /// <summary>
    /// Sum of the latest values of the instances that are not missing: the current total load, e.g. to feed a
    /// <see cref="MetricHistory"/> for forecasting. NaN when no instance is fresh.
    /// </summary>
    public double CurrentTotal(DateTimeOffset now)
    {
        var total = 0.0;
        var fresh = 0;
        for (var i = 0; i < _instances.Count; i++)
        {
            var reading = _instances.Read(i, now.UtcTicks, _stalenessTicks);
            if (!reading.Missing)
            {
                total += reading.Value;
                fresh++;
            }
        }

        return fresh == 0 ? double.NaN : total;
    }

    /// <summary>Everything this window holds, as plain arrays (see <see cref="MetricWindowSnapshot"/>).</summary>
    public MetricWindowSnapshot Snapshot() =>
        new(Options, DroppedSamples, _buckets.Snapshot(), _instances.Snapshot());

    /// <summary>A window equal to the one <paramref name="snapshot"/> was taken of.</summary>
    public static MetricWindow Restore(MetricWindowSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var window = new MetricWindow(snapshot.Options) { DroppedSamples = snapshot.DroppedSamples };
        window._buckets.Restore(snapshot.Buckets);
        window._instances.Restore(snapshot.Instances);
        return window;
    }

    /// <summary>Forgets an instance (for example a stopped task); its past samples stay in the buckets.</summary>
    public bool RemoveInstance(string instanceId) => _instances.Remove(instanceId);
}
