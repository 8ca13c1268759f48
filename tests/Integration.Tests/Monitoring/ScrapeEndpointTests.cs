using System.Diagnostics;
using System.Net;
using Autoscaler.Integration.Tests.Api;
using Autoscaler.Integration.Tests.Api.Routes;

namespace Autoscaler.Integration.Tests.Monitoring;

/// <summary><c>/metrics</c> over real HTTP: who may read it, what <c>promtool check metrics</c> says of it, and the
/// per-target capacity series following registration and removal.</summary>
[Collection(MonitoringCollection.Name)]
public sealed class ScrapeEndpointTests(MonitoringSilo silo)
{
    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("wrong", HttpStatusCode.Unauthorized)]
    [InlineData("ingest", HttpStatusCode.Forbidden)]
    [InlineData("viewer", HttpStatusCode.OK)]
    [InlineData("admin", HttpStatusCode.OK)]
    [InlineData("scrape-token", HttpStatusCode.OK)]
    public async Task The_scrape_endpoint_needs_a_viewer_credential_or_the_scrape_token(string? who, HttpStatusCode expected)
    {
        var credential = who switch
        {
            "wrong" => TestKeys.Wrong,
            "ingest" => TestKeys.Ingest,
            "viewer" => TestKeys.Viewer,
            "admin" => TestKeys.Admin,
            "scrape-token" => MonitoringSilo.ScrapeToken,
            _ => null,
        };
        using var client = silo.Client(credential);

        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task The_scrape_passes_promtool_and_carries_a_registered_targets_capacity()
    {
        using var admin = silo.Client(TestKeys.Admin);
        (await admin.PutAsync("/api/autoscaling/targets/scrape-web", Bodies.Json(Bodies.Target(min: 2, max: 8, initial: 3)))).EnsureSuccessStatusCode().Dispose();

        var text = await ScrapeUntilAsync(body => body.Contains("target=\"scrape-web\"", StringComparison.Ordinal));

        Assert.Contains("autoscaler_target_capacity_current{otel_scope_name=\"Autoscaler.ControlPlane\",target=\"scrape-web\"} 3", text, StringComparison.Ordinal);
        Assert.Contains("autoscaler_target_capacity_min{otel_scope_name=\"Autoscaler.ControlPlane\",target=\"scrape-web\"} 2", text, StringComparison.Ordinal);
        Assert.Contains("autoscaler_target_capacity_max{otel_scope_name=\"Autoscaler.ControlPlane\",target=\"scrape-web\"} 8", text, StringComparison.Ordinal);
        var (exitCode, output) = await PromtoolCheckAsync(text);
        Assert.True(exitCode == 0, $"promtool check metrics failed ({exitCode}):\n{output}\n--- scrape ---\n{text}");
    }

    [Fact]
    public async Task Promtool_rejects_a_broken_exposition()
    {
        // The check above can fail: the same promtool run on a malformed exposition exits non-zero.
        var (exitCode, _) = await PromtoolCheckAsync("# TYPE broken counter\nbroken{target=\"x\" 1\n");
        Assert.NotEqual(0, exitCode);
    }

    [Fact]
    public async Task A_removed_target_leaves_the_scrape()
    {
        using var admin = silo.Client(TestKeys.Admin);
        (await admin.PutAsync("/api/autoscaling/targets/scrape-gone", Bodies.Json(Bodies.Target()))).EnsureSuccessStatusCode().Dispose();
        await ScrapeUntilAsync(body => body.Contains("target=\"scrape-gone\"", StringComparison.Ordinal));

        (await admin.DeleteAsync(new Uri("/api/autoscaling/targets/scrape-gone", UriKind.Relative))).EnsureSuccessStatusCode().Dispose();

        await ScrapeUntilAsync(body => !body.Contains("target=\"scrape-gone\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_scraped_family_is_documented_and_carries_only_its_documented_labels()
    {
        using var admin = silo.Client(TestKeys.Admin);
        (await admin.PutAsync("/api/autoscaling/targets/labels-web", Bodies.Json(Bodies.Target(initial: 2)))).EnsureSuccessStatusCode().Dispose();
        (await admin.PostAsync("/api/autoscaling/targets/labels-web/policies", Bodies.Json(Bodies.CpuPolicy))).EnsureSuccessStatusCode().Dispose();
        (await admin.PostAsync("/api/telemetry/labels-web", Bodies.Json(Bodies.Telemetry(90)))).EnsureSuccessStatusCode().Dispose();

        // Scaled out: decisions, the supervisor, an actuation and telemetry all have series now.
        var text = await ScrapeUntilAsync(body => body.Contains("autoscaler_actuations_total{", StringComparison.Ordinal));

        var documented = MetricCatalogTests.ReadmeTable().ToDictionary(r => r.Name, r => r.Labels);
        var families = 0;
        foreach (var line in text.Split('\n').Where(l => l.StartsWith("autoscaler_", StringComparison.Ordinal)))
        {
            var name = line[..line.IndexOfAny(['{', ' '])];
            var family = documented.Keys.Where(k => name == k || name.StartsWith(k + "_", StringComparison.Ordinal)).MaxBy(k => k.Length);
            Assert.True(family is not null, $"'{name}' is scraped but not in README's metrics table");
            families++;
            var labels = line.Contains('{', StringComparison.Ordinal)
                ? line[(line.IndexOf('{', StringComparison.Ordinal) + 1)..line.IndexOf('}', StringComparison.Ordinal)].Split(',').Select(p => p[..p.IndexOf('=', StringComparison.Ordinal)])
                : [];
            var undocumented = labels.Except(["otel_scope_name", "le"]).Except(documented[family!]).ToList();
            Assert.True(undocumented.Count == 0, $"{name} has labels {string.Join(", ", undocumented)} that README does not list");
        }

        Assert.True(families > 20, $"only {families} series scraped");
    }

    private async Task<string> ScrapeUntilAsync(Func<string, bool> condition)
    {
        using var client = silo.Client(MonitoringSilo.ScrapeToken);
        var text = string.Empty;
        for (var attempt = 0; attempt < 50; attempt++)
        {
            text = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
            if (condition(text))
            {
                return text;
            }

            await Task.Delay(100); // the exporter caches a scrape for a moment
        }

        Assert.Fail($"the scrape never met the condition; last scrape:\n{text}");
        return text;
    }

    internal static async Task<(int ExitCode, string Output)> PromtoolCheckAsync(string exposition)
    {
        var start = new ProcessStartInfo("promtool", ["check", "metrics"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("promtool did not start (apt-get install prometheus)");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(exposition);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
