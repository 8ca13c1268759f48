using System.Globalization;
using System.Text;
using Autoscaler.Cli;
using Autoscaler.Scaling.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Autoscaler.Integration.Tests.Browser;

/// <summary>
/// A <c>simulate --report</c> page opened offline in Debian's headless Chromium: the summary table has a row per variant
/// and every chart loads (decoded, with a size). The screenshot is kept as a test artifact.
/// </summary>
public sealed class ReportBrowserTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_report_opens_offline_with_its_table_and_charts()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "artifacts", "simulate-report");
        var input = Path.Combine(Path.GetTempPath(), $"report-input-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(input, TwoVariants());
        try
        {
            var context = new CliContext(new StringWriter(), new StringWriter(), () => Stream.Null, PolicyParserRegistry.Default);
            Assert.Equal(0, AutoscalerCli.Run(["simulate", "--input", input, "--summary-only", "--report", directory], context));
        }
        finally
        {
            File.Delete(input);
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1500, Height = 1100 } });
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        await page.GotoAsync(new Uri(Path.Combine(directory, "index.html")).AbsoluteUri);

        Assert.Equal(2, await page.Locator("tbody tr").CountAsync());
        var images = page.Locator("img");
        Assert.True(await images.CountAsync() >= 1);
        for (var i = 0; i < await images.CountAsync(); i++)
        {
            var (complete, width) = (
                await images.Nth(i).EvaluateAsync<bool>("img => img.complete"),
                await images.Nth(i).EvaluateAsync<int>("img => img.naturalWidth"));
            Assert.True(complete && width > 500, $"image {i}: complete {complete}, width {width}");
        }

        Assert.All(requests, url => Assert.True(url.StartsWith("file:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal), url));
        var screenshot = Path.Combine(directory, "report-in-chromium.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        output.WriteLine($"Screenshot: {screenshot}");
    }

    private static string TwoVariants()
    {
        var trace = new StringBuilder();
        var start = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 2 * 288; i++)
        {
            var at = start.AddMinutes(5 * i);
            var demand = 900 + (700 * Math.Sin(2 * Math.PI * (at.TimeOfDay.TotalHours - 8) / 24));
            trace.Append(i == 0 ? string.Empty : ",").Append(CultureInfo.InvariantCulture, $$"""{ "at": "{{at:yyyy-MM-ddTHH:mm:ssZ}}", "demand": { "cpu": {{demand:0.#}} } }""");
        }

        return $$"""
            { "target": { "current": 4, "min": 2, "max": 30 }, "evaluationIntervalSeconds": 60, "actuationDelaySeconds": 120, "unitCostPerHour": 0.04,
              "demand": { "cpu": { "perInstance": 100 } }, "score": { "from": "2026-03-02T12:00:00Z" },
              "variants": [
                { "name": "cpu-70", "policies": [ { "name": "cpu", "type": "targetTracking", "metric": "cpu", "target": { "type": "Utilization", "value": 70 } } ] },
                { "name": "cpu-85", "policies": [ { "name": "cpu", "type": "targetTracking", "metric": "cpu", "target": { "type": "Utilization", "value": 85 } } ] } ],
              "trace": [ {{trace}} ] }
            """;
    }
}
