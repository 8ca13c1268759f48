using Autoscaler.Scaling.Simulation;

namespace Autoscaler.Reporting;

/// <summary>A trace's demand in instances (the largest demand / perInstance over its metrics), thinned for drawing.</summary>
public static class DemandSeries
{
    /// <summary>
    /// Step points (time, instances needed as a fraction) of <paramref name="request"/>'s demand; at most about
    /// <paramref name="maxPoints"/>, each the largest of the entries it stands for (a chart must not hide a peak).
    /// </summary>
    public static (double[] X, double[] Y) Instances(SimulationRequest request, int maxPoints = 4000)
    {
        ArgumentNullException.ThrowIfNull(request);
        var trace = request.Trace;
        var stride = Math.Max(1, (int)Math.Ceiling(trace.Count / (double)maxPoints));
        var xs = new List<double>(trace.Count / stride + 1);
        var ys = new List<double>(trace.Count / stride + 1);
        for (var i = 0; i < trace.Count; i += stride)
        {
            var peak = 0.0;
            for (var j = i; j < Math.Min(trace.Count, i + stride); j++)
            {
                peak = Math.Max(peak, Needed(request, trace[j]));
            }

            xs.Add(trace[i].At.UtcDateTime.ToOADate());
            ys.Add(peak);
        }

        return ([.. xs], [.. ys]);
    }

    private static double Needed(SimulationRequest request, TraceEntry entry)
    {
        var needed = 0.0;
        foreach (var metric in request.Demand)
        {
            if (entry.Demand is not null && entry.Demand.TryGetValue(metric.Name, out var total))
            {
                needed = Math.Max(needed, total / metric.PerInstance);
            }
        }

        return needed;
    }
}
