using System.Globalization;
using System.Net;
using System.Text;
using Autoscaler.Scaling.Simulation;

namespace Autoscaler.Reporting;

/// <summary>
/// A report directory: PNG charts and an <c>index.html</c> that holds the summary table and the charts inline (data
/// URIs), so the page opens offline and alone; the PNG files sit beside it for reuse.
/// </summary>
public static class HtmlReport
{
    private const string Style = """
        body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 24px; color: #222; }
        table { border-collapse: collapse; margin: 12px 0 24px; font-size: 14px; }
        th, td { border: 1px solid #ccc; padding: 4px 10px; text-align: right; }
        th:first-child, td:first-child { text-align: left; }
        th { background: #f3f3f3; }
        img { max-width: 100%; border: 1px solid #ddd; }
        .note { color: #555; font-size: 13px; max-width: 1100px; }
        pre { background: #f7f7f7; padding: 8px; overflow-x: auto; font-size: 12px; }
        """;

    /// <summary>Writes <c>capacity.png</c> and <c>index.html</c> for one or several variants of a simulation.</summary>
    public static string WriteSimulation(string directory, IReadOnlyList<ReportRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        Directory.CreateDirectory(directory);
        var chart = Path.Combine(directory, "capacity.png");
        CapacityChart.Render(runs, chart);
        var body = new StringBuilder();
        body.Append("<h1>Simulation report</h1>");
        AppendScope(body, runs[0]);
        AppendTable(body, runs.Select(r => (r.Name, r.Result.Summary)).ToList(), Actual(runs[0]));
        AppendImage(body, chart, "Demand in instances against running capacity");
        body.Append("<p class=\"note\">Demand is drawn in instances (total demand / what one instance serves). Capacity is what ran, after the actuation delay. ")
            .Append("Under-provisioned: time when demand exceeded running capacity × perInstance. Oracle: capacity equal to need with no delay; efficiency = oracle / capacity-hours.</p>");
        return Write(directory, "Simulation report", body);
    }

    /// <summary>Writes the report's page from its body and returns the page's path.</summary>
    public static string Write(string directory, string title, StringBuilder body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var page = $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(title)}</title><style>{Style}</style></head>
            <body>{body}</body></html>
            """;
        var path = Path.Combine(directory, "index.html");
        File.WriteAllText(path, page, Encoding.UTF8);
        return path;
    }

    /// <summary>Appends a summary table: one row per run (and one for what actually ran, when known).</summary>
    public static void AppendTable(StringBuilder body, IReadOnlyList<(string Name, SimulationSummary Summary)> rows, (string Name, SimulationSummary Summary)? actual = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(rows);
        body.Append("<table><thead><tr><th>variant</th><th>capacity-hours</th><th>cost</th><th>scale-outs</th><th>scale-ins</th><th>peak</th>")
            .Append("<th>under-provisioned</th><th>max shortfall</th><th>oracle capacity-hours</th><th>efficiency</th></tr></thead><tbody>");
        foreach (var (name, summary) in actual is { } known ? rows.Append(known) : rows)
        {
            var demand = summary.Demand;
            body.Append("<tr><td>").Append(WebUtility.HtmlEncode(name)).Append("</td>")
                .Append(Cell(summary.CapacityHours, "0.##")).Append(Cell(summary.Cost, "0.##"))
                .Append(Cell(summary.ScaleOuts, "0")).Append(Cell(summary.ScaleIns, "0")).Append(Cell(summary.PeakCapacity, "0"))
                .Append(demand is null ? "<td>–</td><td>–</td><td>–</td><td>–</td>" : string.Concat(
                    $"<td>{Format(demand.UnderProvisionedSeconds / 60, "0.#")} min ({Format(demand.UnderProvisionedPercent, "0.###")} %)</td>",
                    Cell(demand.MaxShortfall, "0"), Cell(demand.OracleCapacityHours, "0.##"), Cell(demand.Efficiency(summary.CapacityHours), "0.###")))
                .Append("</tr>");
        }

        body.Append("</tbody></table>");
    }

    /// <summary>Appends a chart inline (data URI) with its caption.</summary>
    public static void AppendImage(StringBuilder body, string png, string caption)
    {
        ArgumentNullException.ThrowIfNull(body);
        body.Append("<figure><img alt=\"").Append(WebUtility.HtmlEncode(caption)).Append("\" src=\"data:image/png;base64,")
            .Append(Convert.ToBase64String(File.ReadAllBytes(png))).Append("\"><figcaption class=\"note\">")
            .Append(WebUtility.HtmlEncode(caption)).Append(" (").Append(WebUtility.HtmlEncode(Path.GetFileName(png))).Append(")</figcaption></figure>");
    }

    private static void AppendScope(StringBuilder body, ReportRun run)
    {
        var summary = run.Result.Summary;
        body.Append("<p class=\"note\">Trace ").Append(run.Request.Trace[0].At.ToString("u", CultureInfo.InvariantCulture))
            .Append(" to ").Append(run.Request.Trace[^1].At.ToString("u", CultureInfo.InvariantCulture))
            .Append(", ").Append(summary.Evaluations.ToString(CultureInfo.InvariantCulture)).Append(" evaluations every ")
            .Append(run.Request.EvaluationIntervalSeconds.ToString(CultureInfo.InvariantCulture)).Append(" s, actuation delay ")
            .Append(run.Request.ActuationDelaySeconds.ToString(CultureInfo.InvariantCulture)).Append(" s; scored ")
            .Append(summary.ScoredFrom.ToString("u", CultureInfo.InvariantCulture)).Append(" to ")
            .Append(summary.ScoredTo.ToString("u", CultureInfo.InvariantCulture)).Append(".</p>");
    }

    private static (string, SimulationSummary)? Actual(ReportRun run) =>
        run.Result.Recorded is { } recorded ? ("actually ran", recorded) : null;

    private static string Cell(double value, string format) => $"<td>{Format(value, format)}</td>";

    private static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
