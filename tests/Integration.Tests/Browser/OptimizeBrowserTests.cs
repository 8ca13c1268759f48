using System.Net.Http.Json;
using System.Text.Json;
using Autoscaler.Integration.Tests.Api;
using Autoscaler.Integration.Tests.Demo;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Autoscaler.Integration.Tests.Browser;

/// <summary>The dashboard's Optimize panel in Debian's headless Chromium on a demo silo: the fleet's cost picture, the open
/// recommendations with their charts, and an operator applying a schedule with a reason.</summary>
[Collection(DemoSiloCollection.Name)]
public sealed class OptimizeBrowserTests(DemoSilo silo, ITestOutputHelper output)
{
    private const string Target = "mistersmith-worker";

    [Fact]
    public async Task An_operator_sees_the_recommendations_with_their_charts_and_applies_a_schedule()
    {
        var schedule = silo.Open(Target, "schedule").GetProperty("id").GetString()!;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(silo.BaseAddress.ToString());
        await page.GetByTestId("signin-key").FillAsync(TestKeys.Operator);
        await page.GetByTestId("signin-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("whoami")).ToHaveAttributeAsync("data-role", "operator");

        var panel = page.GetByTestId("optimize-panel");
        await Assertions.Expect(panel.GetByTestId("optimize-cost-now")).ToContainTextAsync("$");
        await Assertions.Expect(panel.GetByTestId("optimize-agent-hour")).ToContainTextAsync("goal");
        // The supervisor's right-size is open unless RightSizeApplyTests (same demo silo, order not fixed) applied it first.
        var rightSize = panel.Locator($"[data-id='{silo.Open("mistersmith-supervisor", "right-size").GetProperty("id").GetString()}']");
        if (await RightSizeStillOpenAsync())
        {
            // Two histograms (vCPU and memory), each with the current and the recommended size.
            await Assertions.Expect(rightSize.GetByTestId("marker-recommended")).ToHaveCountAsync(2);
            await Assertions.Expect(rightSize.GetByTestId("marker-current")).ToHaveCountAsync(2);
        }
        else
        {
            await Assertions.Expect(rightSize).ToHaveCountAsync(0);
        }

        // The demo's few records fit the first page: no "newest N of M" line. The line's text for a large fleet's page:
        await Assertions.Expect(panel.GetByTestId("optimize-more")).ToBeHiddenAsync();
        var more = await page.EvaluateAsync<string>("async () => (await import('./assets/views/optimize.js')).moreText(100, 22014)");
        Assert.Equal(
            "The newest 100 of 22,014 open recommendations. The rest: autoscaler optimize recommendations --state open --offset 100, or GET /api/autoscaling/optimize/recommendations?state=open&offset=100.",
            more);

        var card = panel.Locator($"[data-id='{schedule}']");
        await Assertions.Expect(card.GetByTestId("proposed-minimum")).ToBeAttachedAsync();
        await Assertions.Expect(card.GetByTestId("recommendation-facts")).ToContainTextAsync("confidence");

        var directory = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(directory);
        var screenshot = Path.Combine(directory, "dashboard-optimize.png");
        await panel.ScreenshotAsync(new() { Path = screenshot });
        output.WriteLine($"Screenshot: {screenshot}");

        await card.GetByTestId("recommendation-reason").FillAsync("nights are quiet for the workers");
        await card.GetByTestId("recommendation-apply").ClickAsync();

        await Assertions.Expect(panel.GetByTestId("optimize-result")).ToContainTextAsync($"{Target} schedule: applied");
        await Assertions.Expect(panel.Locator($"[data-id='{schedule}']")).ToHaveCountAsync(0);
        using var viewer = silo.Client(TestKeys.Viewer);
        var policies = await viewer.GetFromJsonAsync<JsonElement>($"/api/autoscaling/targets/{Target}/policies");
        Assert.Contains(policies.GetProperty("policies").EnumerateArray(), p => p.GetProperty("name").GetString() == "optimizer-schedule");
    }

    private async Task<bool> RightSizeStillOpenAsync()
    {
        using var viewer = silo.Client(TestKeys.Viewer);
        var open = await viewer.GetFromJsonAsync<JsonElement>("/api/autoscaling/optimize/recommendations?target=mistersmith-supervisor&state=open");
        return open.GetProperty("recommendations").EnumerateArray().Any(r => r.GetProperty("kind").GetString() == "right-size");
    }
}
