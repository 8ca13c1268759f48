using Autoscaler.Scaling.Windows;
using CsCheck;

namespace Autoscaler.Scaling.Tests;

/// <summary>
/// A window's instances are found by scanning up to <c>InstanceTable.LinearLimit</c> ids and through a hash index past
/// that: random arrivals, removals, evictions and restores across that limit, with and without requests, give what a plain model of the rules gives.
/// </summary>
public sealed class WindowsInstanceIndexTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Instances_behave_the_same_below_and_above_the_scan_limit()
    {
        // Kind 0–7 records, 8 removes, 9 restores the window from its snapshot; time moves 1–40 s per operation.
        var operations = Gen.Select(Gen.Int[0, 9], Gen.Int[0, 39], Gen.Int[1, 40], Gen.Double[-100, 100]).Array[1, 300];
        operations.Sample(ops =>
        {
            var options = new MetricWindowOptions(TimeSpan.FromHours(1), 60, TimeSpan.FromMinutes(2), 24);
            var window = new MetricWindow(options);
            var model = new Dictionary<string, (long Seen, double Value, double Request)>();
            var ticks = T0.UtcTicks;
            foreach (var (kind, instance, step, value) in ops)
            {
                ticks += TimeSpan.FromSeconds(step).Ticks;
                var id = $"task-{instance}";
                if (kind == 8)
                {
                    Assert.Equal(model.Remove(id), window.RemoveInstance(id));
                }
                else if (kind == 9)
                {
                    window = MetricWindow.Restore(window.Snapshot());
                }
                else
                {
                    // Half the samples carry no request (the request column appears with the first that does).
                    var request = kind % 2 == 0 ? double.NaN : Math.Abs(value);
                    Assert.Equal(Expected(model, id, ticks, value, request, options), window.Record(id, ticks, value, request));
                }

                var readings = Enumerable.Range(0, window.InstanceCount).Select(i => window.GetInstance(i, ticks))
                    .Select(r => (r.Id, r.LastSeenTicks, r.Value, r.Request)).OrderBy(r => r.Id, StringComparer.Ordinal);
                Assert.Equal(model.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => (e.Key, e.Value.Seen, e.Value.Value, e.Value.Request)), readings);
            }
        });
    }

    /// <summary>The rules: a known instance updates; a new one takes a free place, else the least recently seen one's if stale.</summary>
    private static RecordOutcome Expected(
        Dictionary<string, (long Seen, double Value, double Request)> model, string id, long ticks, double value, double request, MetricWindowOptions options)
    {
        if (!model.ContainsKey(id) && model.Count >= options.MaxInstances)
        {
            var oldest = model.MinBy(e => e.Value.Seen);
            if (ticks - oldest.Value.Seen <= options.StalenessLimit.Ticks)
            {
                return RecordOutcome.TooManyInstances;
            }

            model.Remove(oldest.Key);
        }

        model[id] = (ticks, value, request);
        return RecordOutcome.Added;
    }
}
