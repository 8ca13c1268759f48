using ScottPlot;

namespace Autoscaler.Reporting;

/// <summary>Shared chart settings: a sans-serif font that ships with Debian (fonts-dejavu-core) and a light grid.</summary>
internal static class Charts
{
    public static Plot NewPlot()
    {
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        plot.Grid.MajorLineColor = Color.FromHex("#e5e5e5");
        return plot;
    }
}
