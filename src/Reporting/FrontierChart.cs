using Autoscaler.Scaling.Tuning;
using ScottPlot;

namespace Autoscaler.Reporting;

/// <summary>The tuner's picture: every candidate's capacity-hours against its under-provisioned time, the Pareto frontier, the recommendation.</summary>
public static class FrontierChart
{
    /// <summary>Renders the chart to a PNG at <paramref name="path"/>.</summary>
    public static void Render(TuneResult result, double maxUnderProvisionedPercent, string path, int width = 1000, int height = 600)
    {
        ArgumentNullException.ThrowIfNull(result);
        var plot = Charts.NewPlot();
        if (result.All.Count > 0)
        {
            var all = plot.Add.Markers(
                result.All.Select(c => c.Summary.CapacityHours).ToArray(), result.All.Select(c => c.UnderProvisionedPercent).ToArray(),
                MarkerShape.FilledCircle, 5, Color.FromHex("#9e9e9e").WithAlpha(0.6));
            all.LegendText = $"candidates ({result.All.Count})";
        }

        if (result.Frontier.Count > 0)
        {
            var frontier = plot.Add.Scatter(
                result.Frontier.Select(c => c.Summary.CapacityHours).ToArray(), result.Frontier.Select(c => c.UnderProvisionedPercent).ToArray());
            frontier.Color = Color.FromHex("#1f77b4");
            frontier.LineWidth = 2;
            frontier.MarkerSize = 8;
            frontier.LegendText = $"Pareto frontier ({result.Frontier.Count})";
        }

        var limit = plot.Add.HorizontalLine(maxUnderProvisionedPercent);
        limit.LinePattern = LinePattern.Dashed;
        limit.Color = Color.FromHex("#ff7f0e");
        limit.LegendText = $"limit {maxUnderProvisionedPercent:0.###} %";
        if (result.Recommended is { } recommended)
        {
            var star = plot.Add.Marker(recommended.Summary.CapacityHours, recommended.UnderProvisionedPercent, MarkerShape.FilledDiamond, 16, Color.FromHex("#d62728"));
            star.LegendText = "recommended";
        }

        if (result.Baseline is { } baseline)
        {
            var current = plot.Add.Marker(baseline.CapacityHours, baseline.Demand?.UnderProvisionedPercent ?? 0, MarkerShape.OpenSquare, 14, Color.FromHex("#000000"));
            current.LegendText = "input's own policies";
        }

        plot.Title("tune: capacity against shortfall");
        plot.XLabel("capacity-hours (cost)");
        plot.YLabel("under-provisioned time (% of window)");
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, width, height);
    }
}
