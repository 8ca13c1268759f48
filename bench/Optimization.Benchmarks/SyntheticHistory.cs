using Autoscaler.Grains.Interfaces;
using Autoscaler.Silo.Optimization;

namespace Autoscaler.Optimization.Benchmarks;

/// <summary>
/// The 14 days of hourly history each benchmark target reads (the silo's <see cref="ITraceBackfill"/> seam, as the demo
/// uses it): target <c>t{n}</c> gets <see cref="Fleet.Hours"/> for <c>n</c> over the trace's hours, CPU and memory as
/// percent of one instance (100 per instance), and keeps the capacity its grain reported.
/// </summary>
internal sealed class SyntheticHistory : ITraceBackfill
{
    /// <inheritdoc />
    public TargetTrace Fill(TargetTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var index = int.Parse(trace.Target.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
        var first = new DateTimeOffset(trace.From.UtcTicks - (trace.From.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero).AddHours(1);
        var count = (int)Math.Min(Fleet.HistoryHours, Math.Floor((trace.To - first).TotalHours));
        var hours = Fleet.Hours(index, first, count);
        return trace with
        {
            Metrics =
            [
                new TraceSeries("cpu", 100, [.. hours.Select(h => new TracePoint(h.At, h.Cpu))]),
                new TraceSeries("memory", 100, [.. hours.Select(h => new TracePoint(h.At, h.Memory))]),
            ],
        };
    }
}
