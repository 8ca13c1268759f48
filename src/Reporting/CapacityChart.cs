using Autoscaler.Scaling.Simulation;
using ScottPlot;

namespace Autoscaler.Reporting;

/// <summary>
/// The capacity chart: demand in instances (shaded) against each variant's running capacity (a step line each), the
/// scored window, and for a single variant its scale actions (triangles) and any predictive forecast (dashed), plus the
/// capacity that actually ran when the trace recorded it.
/// </summary>
public static class CapacityChart
{
    private static readonly Color[] Palette =
    [
        Color.FromHex("#1f77b4"), Color.FromHex("#d62728"), Color.FromHex("#2ca02c"), Color.FromHex("#9467bd"),
        Color.FromHex("#ff7f0e"), Color.FromHex("#17becf"), Color.FromHex("#8c564b"), Color.FromHex("#e377c2"),
    ];

    /// <summary>Renders the chart to a PNG at <paramref name="path"/>.</summary>
    public static void Render(IReadOnlyList<ReportRun> runs, string path, int width = 1400, int height = 560)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var plot = Charts.NewPlot();
        var first = runs[0];
        var trace = first.Request.Trace;
        var end = trace[^1].At;
        if (first.Request.IsDemandMode)
        {
            var (dx, dy) = DemandSeries.Instances(first.Request);
            var demand = plot.Add.Scatter(dx, dy);
            demand.ConnectStyle = ConnectStyle.StepHorizontal;
            demand.MarkerSize = 0;
            demand.LineWidth = 1;
            demand.Color = Color.FromHex("#7f7f7f");
            demand.FillY = true;
            demand.FillYColor = Color.FromHex("#7f7f7f").WithAlpha(0.25);
            demand.LegendText = "demand (instances needed)";
        }

        if (first.Request.RecordedCapacity is { Count: > 0 } recorded)
        {
            AddSteps(plot, [.. recorded], end, Color.FromHex("#000000"), 1.5f, "actually ran", LinePattern.Dotted);
        }

        for (var i = 0; i < runs.Count; i++)
        {
            var color = Palette[i % Palette.Length];
            var run = runs[i];
            AddSteps(plot, run.Result.Capacity, end, color, 2, runs.Count == 1 ? "running capacity" : run.Name, LinePattern.Solid);
            if (run.Recorder.Forecast.Count > 0)
            {
                var forecast = plot.Add.Scatter(
                    run.Recorder.Forecast.Select(p => p.At.UtcDateTime.ToOADate()).ToArray(), run.Recorder.Forecast.Select(p => p.Instances).ToArray());
                forecast.ConnectStyle = ConnectStyle.StepHorizontal;
                forecast.MarkerSize = 0;
                forecast.LineWidth = 1.5f;
                forecast.LinePattern = LinePattern.Dashed;
                forecast.Color = runs.Count == 1 ? Color.FromHex("#ff7f0e") : color;
                forecast.LegendText = runs.Count == 1 ? "forecast (instances)" : $"{run.Name}: forecast";
            }
        }

        if (runs.Count == 1)
        {
            AddActions(plot, runs[0].Recorder.Actions);
        }

        var summary = first.Result.Summary;
        if (summary.ScoredFrom > trace[0].At || summary.ScoredTo < end)
        {
            var span = plot.Add.HorizontalSpan(summary.ScoredFrom.UtcDateTime.ToOADate(), summary.ScoredTo.UtcDateTime.ToOADate());
            span.FillStyle.Color = Color.FromHex("#2ca02c").WithAlpha(0.07);
            span.LineStyle.Width = 0;
            span.LegendText = "scored window";
        }

        plot.Axes.DateTimeTicksBottom();
        plot.YLabel("instances");
        plot.Title(runs.Count == 1 ? $"{first.Name}: demand and capacity" : "demand and capacity by variant");
        plot.Axes.SetLimitsY(0, Math.Max(1, MaxY(runs)) * 1.1);
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(path, width, height);
    }

    private static void AddSteps(Plot plot, IReadOnlyList<CapacityPoint> points, DateTimeOffset end, Color color, float width, string label, LinePattern pattern)
    {
        var xs = points.Select(p => p.At.UtcDateTime.ToOADate()).Append(end.UtcDateTime.ToOADate()).ToArray();
        var ys = points.Select(p => (double)p.Capacity).Append(points[^1].Capacity).ToArray();
        var line = plot.Add.Scatter(xs, ys);
        line.ConnectStyle = ConnectStyle.StepHorizontal;
        line.MarkerSize = 0;
        line.LineWidth = width;
        line.Color = color;
        line.LinePattern = pattern;
        line.LegendText = label;
    }

    private static void AddActions(Plot plot, List<(DateTimeOffset At, int Capacity, bool Out)> actions)
    {
        foreach (var (direction, shape, color, label) in new[]
        {
            (true, MarkerShape.FilledTriangleUp, Color.FromHex("#2ca02c"), "scale-out"),
            (false, MarkerShape.FilledTriangleDown, Color.FromHex("#d62728"), "scale-in"),
        })
        {
            var chosen = actions.Where(a => a.Out == direction).ToList();
            if (chosen.Count == 0)
            {
                continue;
            }

            var markers = plot.Add.Markers(
                chosen.Select(a => a.At.UtcDateTime.ToOADate()).ToArray(), chosen.Select(a => (double)a.Capacity).ToArray(), shape, 7, color);
            markers.LegendText = $"{label} ({chosen.Count})";
        }
    }

    private static double MaxY(IReadOnlyList<ReportRun> runs)
    {
        var max = runs.Max(r => r.Result.Summary.PeakCapacity);
        var first = runs[0].Request;
        if (first.IsDemandMode)
        {
            max = Math.Max(max, (int)Math.Ceiling(DemandSeries.Instances(first).Y.DefaultIfEmpty(0).Max()));
        }

        if (first.RecordedCapacity is { Count: > 0 } recorded)
        {
            max = Math.Max(max, recorded.Max(p => p.Capacity));
        }

        return max;
    }
}
