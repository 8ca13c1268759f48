using System.Net;
using System.Text;
using Autoscaler.Scaling.Json;
using Autoscaler.Scaling.Tuning;

namespace Autoscaler.Reporting;

/// <summary>A tune report: the frontier chart, the recommended run's capacity chart (beside the input's own policies), the frontier table.</summary>
public static class TuneReport
{
    /// <summary>Writes <c>frontier.png</c>, <c>capacity.png</c> and <c>index.html</c> to <paramref name="directory"/>.</summary>
    public static string Write(string directory, TuneRequest request, TuneResult result)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        Directory.CreateDirectory(directory);
        var frontier = Path.Combine(directory, "frontier.png");
        FrontierChart.Render(result, request.MaxUnderProvisionedPercent, frontier);
        var body = new StringBuilder("<h1>Tuning report</h1>");
        body.Append("<p class=\"note\">").Append(result.Evaluated).Append(" candidates simulated");
        body.Append(result.Invalid > 0 ? $", {result.Invalid} refused by the policy reader ({WebUtility.HtmlEncode(result.FirstInvalid)})" : string.Empty);
        body.Append(". Recommended: ").Append(WebUtility.HtmlEncode(result.Why)).Append(".</p>");
        var rows = result.Frontier.Select((c, i) => ($"frontier {i + 1}" + (ReferenceEquals(c, result.Recommended) ? " (recommended)" : string.Empty), c.Summary)).ToList();
        if (result.Recommended is { } recommended && !result.Frontier.Contains(recommended))
        {
            rows.Insert(0, ("recommended", recommended.Summary));
        }

        if (result.Baseline is { } baseline)
        {
            rows.Add(("input's own policies", baseline));
        }

        HtmlReport.AppendTable(body, rows);
        HtmlReport.AppendImage(body, frontier, "Every candidate's capacity-hours against its under-provisioned time; the line is the Pareto frontier");
        if (result.Recommended is { } chosen)
        {
            var set = ScalingDocuments.Parse(
                Encoding.UTF8.GetBytes($"{{\"policies\":{chosen.PoliciesJson},\"behavior\":{chosen.BehaviorJson}}}"),
                root => PolicySetReader.Read(root, PolicyParserRegistry.Default));
            var runs = new List<ReportRun> { ReportRun.Simulate("recommended", request.Base with { PolicySet = set }) };
            if (request.HasBaseline)
            {
                runs.Add(ReportRun.Simulate("input's own policies", request.Base));
            }

            var capacity = Path.Combine(directory, "capacity.png");
            CapacityChart.Render(runs, capacity);
            HtmlReport.AppendImage(body, capacity, "The recommended policies on the trace");
            body.Append("<h2>Recommended policies</h2><pre>").Append(WebUtility.HtmlEncode(chosen.PoliciesJson)).Append("</pre>")
                .Append("<h2>Recommended behavior</h2><pre>").Append(WebUtility.HtmlEncode(chosen.BehaviorJson)).Append("</pre>");
        }

        return HtmlReport.Write(directory, "Tuning report", body);
    }
}
