using Autoscaler.Grains.Interfaces;
using Autoscaler.Silo.Optimization;

namespace Autoscaler.Silo.Demo;

/// <summary>
/// Gives the demo targets a synthetic hourly past (<see cref="DemoHistory"/>) for the hours before their own history
/// starts, so the optimiser has the days right-size and schedule recommendations need within minutes of <c>--demo</c>.
/// Only demo targets, only hours they did not record; CPU and memory read as percent of one instance.
/// </summary>
internal sealed class DemoTraceBackfill : ITraceBackfill
{
    /// <inheritdoc />
    public TargetTrace Fill(TargetTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var first = new DateTimeOffset(trace.From.UtcTicks - (trace.From.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero).AddHours(1);
        if (DemoHistory.At(trace.Target, first) is null)
        {
            return trace;
        }

        var recorded = trace.Metrics.SelectMany(m => m.Points).Select(p => p.At).DefaultIfEmpty(trace.To).Min();
        var hours = new List<DateTimeOffset>();
        for (var hour = first; hour < recorded && hour < trace.To; hour = hour.AddHours(1))
        {
            hours.Add(hour);
        }

        if (hours.Count == 0)
        {
            return trace;
        }

        var past = hours.Select(h => (Hour: h, Values: DemoHistory.At(trace.Target, h)!.Value)).ToList();
        var names = past[0].Values.Metrics.Keys.Union(trace.Metrics.Select(m => m.Metric), StringComparer.Ordinal);
        var metrics = names.Select(name =>
        {
            var live = trace.Metrics.FirstOrDefault(m => m.Metric == name);
            var synthetic = past.Where(p => p.Values.Metrics.ContainsKey(name)).Select(p => new TracePoint(p.Hour, p.Values.Metrics[name].Total)).ToList();
            double? perInstance = past[0].Values.Metrics.TryGetValue(name, out var m) ? m.PerInstance : live?.PerInstance;
            return new TraceSeries(name, perInstance, [.. synthetic, .. live?.Points ?? []]);
        }).ToList();
        var capacity = past.Select(p => new TracePoint(p.Hour, p.Values.Instances)).ToList();
        var resumed = trace.Capacity.Count > 0 ? trace.Capacity[0].Value : trace.Definition.InitialCapacity;
        capacity.Add(new TracePoint(recorded, resumed));
        capacity.AddRange(trace.Capacity.Skip(1).Where(c => c.At > recorded));
        return trace with { Metrics = metrics, Capacity = capacity };
    }
}
