using System.Text.Json;
using System.Text.RegularExpressions;
using Autoscaler.Grains.Monitoring;
using Autoscaler.Integration.Tests.Cli;
using Autoscaler.Silo.Monitoring.CloudWatch;

namespace Autoscaler.Integration.Tests.Monitoring;

/// <summary>What the documentation and the dashboards name is what the code exports: the README table against the
/// instruments, the Grafana dashboard's queries against the Prometheus names, the CloudWatch dashboard bodies against
/// what the CloudWatch export writes.</summary>
public sealed partial class MetricCatalogTests
{
    [Fact]
    public void The_README_metrics_table_lists_exactly_the_instruments_the_code_creates()
    {
        var documented = ReadmeTable().Select(r => (r.Name, r.Kind, r.Unit)).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        var exported = ExportedMetrics.All().Select(i => (i.PrometheusName, i.Kind, i.Unit ?? string.Empty)).ToList();

        Assert.Equal(exported, documented);
    }

    [Fact]
    public void Every_metric_the_Grafana_dashboard_queries_is_exported()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root(), "deploy", "grafana", "autoscaler-control-plane.json")));
        var queries = Strings(dashboard.RootElement).Where(s => s.Contains("autoscaler_", StringComparison.Ordinal)).ToList();
        var named = queries.SelectMany(q => MetricName().Matches(q).Select(m => m.Value)).ToHashSet(StringComparer.Ordinal);
        var exported = ExportedMetrics.All().SelectMany(SeriesNames).ToHashSet(StringComparer.Ordinal);

        Assert.True(named.Count >= 15, $"the dashboard names only {named.Count} metrics");
        Assert.Empty(named.Except(exported));
    }

    [Theory]
    [InlineData("overview")]
    [InlineData("performance")]
    [InlineData("database")]
    public async Task Every_metric_a_CloudWatch_dashboard_draws_is_exported_or_AWSs_own(string name)
    {
        var run = await CliRun.InvokeAsync("dashboards", "cloudwatch", "--dashboard", name, "--region", "eu-west-1");

        Assert.True(run.ExitCode == 0, run.ToString());
        var body = run.Json();
        var drawn = new List<(string Namespace, string Metric)>();
        foreach (var widget in body.GetProperty("widgets").EnumerateArray())
        {
            var properties = widget.GetProperty("properties");
            Assert.Equal("eu-west-1", properties.GetProperty("region").GetString());
            foreach (var line in properties.GetProperty("metrics").EnumerateArray())
            {
                if (line[0].ValueKind == JsonValueKind.String)
                {
                    drawn.Add((line[0].GetString()!, line[1].GetString()!));
                    continue;
                }

                var search = SearchExpression().Match(line[0].GetProperty("expression").GetString()!);
                Assert.True(search.Success, line.ToString());
                drawn.Add((search.Groups["ns"].Value, search.Groups["metric"].Value));
            }
        }

        Assert.NotEmpty(drawn);
        var exported = ExportedToCloudWatch();
        Assert.All(drawn.Where(d => !d.Namespace.StartsWith("AWS/", StringComparison.Ordinal)), d => Assert.Contains(d, exported));
    }

    [Theory]
    [InlineData("--dashboard", "nope", "--dashboard")]
    [InlineData("--period", "90", "--period")]
    public async Task Bad_dashboard_arguments_are_an_error_naming_the_option(string option, string value, string named)
    {
        var run = await CliRun.InvokeAsync("dashboards", "cloudwatch", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Contains(named, run.Error, StringComparison.Ordinal);
    }

    /// <summary>(metric, kind, unit, labels) per README row.</summary>
    internal static IReadOnlyList<(string Name, string Kind, string Unit, string[] Labels)> ReadmeTable()
    {
        var readme = File.ReadAllText(Path.Combine(Root(), "README.md"));
        var begin = readme.IndexOf("<!-- metrics:begin -->", StringComparison.Ordinal);
        var end = readme.IndexOf("<!-- metrics:end -->", StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, "README.md has no metrics table between its markers");
        return [.. readme[begin..end].Split('\n')
            .Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .Select(c => (c[1].Trim('`'), c[2], c[3].Trim('`'), c[4] == "–" ? Array.Empty<string>() : c[4].Split(", ")))];
    }

    private static HashSet<(string, string)> ExportedToCloudWatch()
    {
        var registry = new TargetCapacityRegistry();
        registry.Report("pool", 3, 4, 1, 10);
        registry.ReportAgents("pool", new Dictionary<string, double>
        {
            ["ActiveAgentCount"] = 3, ["PendingTaskCount"] = 12, ["AgentUtilization"] = 70, ["AverageResponseTime"] = 250,
        });
        return [.. CloudWatchSnapshot.Take(registry, new CloudWatchExportOptions { Region = "eu-west-1" }, DateTimeOffset.UnixEpoch)
            .Select(d => (d.Namespace, d.MetricName))];
    }

    private static IEnumerable<string> SeriesNames(ExportedMetrics.Instrument instrument) =>
        instrument.Kind == "histogram"
            ? [instrument.PrometheusName + "_bucket", instrument.PrometheusName + "_sum", instrument.PrometheusName + "_count"]
            : [instrument.PrometheusName];

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    private static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Orleans.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    [GeneratedRegex("autoscaler_[a-z_]+")]
    private static partial Regex MetricName();

    [GeneratedRegex("""SEARCH\('\{(?<ns>[^,}]+)[^}]*\}[^']*MetricName="(?<metric>[A-Za-z]+)"'""")]
    private static partial Regex SearchExpression();
}
