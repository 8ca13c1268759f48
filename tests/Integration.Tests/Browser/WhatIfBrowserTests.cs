using System.Net;
using Autoscaler.Integration.Tests.Api;
using Autoscaler.Integration.Tests.Api.Routes;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Autoscaler.Integration.Tests.Browser;

/// <summary>The dashboard's "What if" panel in Debian's headless Chromium: a target's recorded demand replayed against a
/// template, drawn and summed up beside what actually ran.</summary>
[Collection(RoutesCollection.Name)]
public sealed class WhatIfBrowserTests(RoutesSilo silo, ITestOutputHelper output)
{
    [Fact]
    public async Task What_if_replays_a_targets_demand_against_a_template_beside_what_ran()
    {
        const string id = "whatif-web";
        using var operatorClient = silo.Client(TestKeys.Operator);
        (await operatorClient.PutAsync($"/api/autoscaling/targets/{id}", Bodies.Json(Bodies.Target()))).Dispose();
        (await operatorClient.PutAsync($"/api/autoscaling/targets/{id}/policies/cpu", Bodies.Json(Bodies.CpuPolicy))).Dispose();
        using var viewer = silo.Client(TestKeys.Viewer);
        for (var attempt = 0; attempt < 50; attempt++)
        {
            (await operatorClient.PostAsync($"/api/telemetry/{id}", Bodies.Json(Bodies.Telemetry(80)))).Dispose();
            (await operatorClient.PostAsync($"/api/autoscaling/targets/{id}/evaluate", null)).Dispose();
            using var trace = await viewer.GetAsync($"/api/autoscaling/targets/{id}/trace");
            if (trace.StatusCode == HttpStatusCode.OK)
            {
                break;
            }

            await Task.Delay(100);
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(silo.BaseAddress.ToString());
        await page.GetByTestId("signin-key").FillAsync(TestKeys.Viewer);
        await page.GetByTestId("signin-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("whoami")).ToHaveAttributeAsync("data-role", "viewer");

        var panel = page.GetByTestId("whatif-panel");
        await panel.GetByTestId("whatif-target").FocusAsync();
        await panel.GetByTestId("whatif-target").SelectOptionAsync(id);
        await panel.GetByTestId("whatif-range").SelectOptionAsync("24");
        await panel.GetByTestId("whatif-source").SelectOptionAsync("web-app-balanced");
        await panel.GetByTestId("whatif-run").ClickAsync();

        await Assertions.Expect(panel.GetByTestId("whatif-result")).ToBeVisibleAsync();
        await Assertions.Expect(panel.GetByTestId("whatif-row")).ToHaveCountAsync(2);
        await Assertions.Expect(panel.GetByTestId("whatif-row").First).ToContainTextAsync("what if: web-app-balanced");
        await Assertions.Expect(panel.GetByTestId("whatif-row").Nth(1)).ToContainTextAsync("actually ran");
        await Assertions.Expect(panel.GetByTestId("whatif-simulated")).ToHaveCountAsync(1);
        await Assertions.Expect(panel.GetByTestId("whatif-demand")).ToHaveCountAsync(1);
        await Assertions.Expect(panel.GetByTestId("whatif-error")).ToBeHiddenAsync();

        await panel.GetByTestId("whatif-source").SelectOptionAsync("custom");
        await panel.GetByTestId("whatif-custom").FillAsync("""{ "policies": [ { "name": "bad", "type": "targetTracking" } ] }""");
        await panel.GetByTestId("whatif-run").ClickAsync();
        await Assertions.Expect(panel.GetByTestId("whatif-error")).ToContainTextAsync("policies[0]");

        var directory = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(directory);
        var screenshot = Path.Combine(directory, "dashboard-what-if.png");
        await panel.ScreenshotAsync(new() { Path = screenshot });
        output.WriteLine($"Screenshot: {screenshot}");
    }
}
