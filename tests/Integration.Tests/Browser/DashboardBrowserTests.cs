using System.Net;
using Autoscaler.Integration.Tests.Api;
using Autoscaler.Integration.Tests.Api.Routes;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Autoscaler.Integration.Tests.Browser;

/// <summary>The web dashboard in Debian's headless Chromium against the real silo: sign in with a key, watch a target
/// scale out as telemetry arrives over HTTP. Playwright never downloads a browser here: it drives /usr/bin/chromium.</summary>
[Collection(RoutesCollection.Name)]
public sealed class DashboardBrowserTests(RoutesSilo silo, ITestOutputHelper output)
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    [Fact]
    public async Task The_dashboard_shows_a_target_scaling_out()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's browser with `apt-get install -y chromium` (tests never download one).");
        const string id = "browser-web";
        using var operatorClient = silo.Client(TestKeys.Operator);
        using (var created = await operatorClient.PutAsync($"/api/autoscaling/targets/{id}", Bodies.Json(Bodies.Target())))
        {
            Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK);
        }

        using (var policy = await operatorClient.PutAsync($"/api/autoscaling/targets/{id}/policies/cpu", Bodies.Json(Bodies.CpuPolicy)))
        {
            Assert.True(policy.IsSuccessStatusCode);
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ChromiumArgs });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        page.SetDefaultTimeout(20_000);
        var expectations = new LocatorAssertionsToHaveTextOptions { Timeout = 20_000 };

        await page.GotoAsync(silo.BaseAddress.ToString());
        await page.GetByTestId("signin-key").FillAsync(TestKeys.Viewer);
        await page.GetByTestId("signin-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("whoami")).ToHaveAttributeAsync("data-role", "viewer");
        var row = page.GetByTestId($"target-row-{id}");
        await Assertions.Expect(row.GetByTestId("target-current")).ToHaveTextAsync("2", expectations);
        await Assertions.Expect(page.GetByTestId("live-indicator")).ToHaveAttributeAsync("data-state", "open");

        await using var events = await EventStream.OpenAsync(silo.Client(TestKeys.Viewer), id);
        using (var telemetry = await operatorClient.PostAsync($"/api/telemetry/{id}", Bodies.Json(Bodies.Telemetry(150))))
        {
            Assert.Equal(HttpStatusCode.Accepted, telemetry.StatusCode);
        }

        var actuated = await events.WaitForAsync(e => e.GetProperty("kind").GetString() == "actuated", TimeSpan.FromSeconds(20));
        var capacity = actuated.GetProperty("to").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Assertions.Expect(row.GetByTestId("target-current")).ToHaveTextAsync(capacity, expectations);
        await Assertions.Expect(page.GetByTestId("event-log").GetByTestId("timeline-item").First).ToBeVisibleAsync();

        await row.ClickAsync();
        await Assertions.Expect(page.GetByTestId("detail-title")).ToContainTextAsync(id, new() { Timeout = 20_000 });
        // The cpu line is drawn (a point per minute and the latest value, dotted while sparse) on an axis that starts
        // where the samples start, not an hour before them.
        await Assertions.Expect(page.GetByTestId("series-cpu")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("metric-chart").Locator("circle.dot")).Not.ToHaveCountAsync(0);
        output.WriteLine($"Chart: {await page.GetByTestId("metric-chart").InnerTextAsync()}");

        // The Cluster link opens the Orleans dashboard with the session cookie the sign-in obtained (no 401).
        var link = page.GetByTestId("open-orleans-dashboard");
        await Assertions.Expect(link).ToBeVisibleAsync();
        var dashboardStatuses = new List<int>();
        page.Context.Response += (_, response) =>
        {
            if (new Uri(response.Url).AbsolutePath.StartsWith("/dashboard", StringComparison.Ordinal))
            {
                lock (dashboardStatuses)
                {
                    dashboardStatuses.Add(response.Status);
                }
            }
        };
        var cluster = await page.RunAndWaitForPopupAsync(() => link.ClickAsync());
        await cluster.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("/dashboard/", new Uri(cluster.Url).AbsolutePath);
        lock (dashboardStatuses)
        {
            Assert.NotEmpty(dashboardStatuses);
            Assert.All(dashboardStatuses, status => Assert.True(status < 400, $"the Orleans dashboard answered {status}"));
        }

        var directory = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(directory);
        var screenshot = Path.Combine(directory, "dashboard-scaled-out.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        output.WriteLine($"Screenshot: {screenshot}");
        Assert.True(new FileInfo(screenshot).Length > 0);
        var clusterShot = Path.Combine(directory, "orleans-dashboard.png");
        await cluster.ScreenshotAsync(new() { Path = clusterShot });
        output.WriteLine($"Screenshot: {clusterShot}");
    }

    [Fact]
    public async Task The_dashboard_shows_alarms_their_thresholds_on_the_chart_and_their_transitions_on_the_timeline()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's browser with `apt-get install -y chromium` (tests never download one).");
        const string id = "browser-alarms";
        using var operatorClient = silo.Client(TestKeys.Operator);
        using (var created = await operatorClient.PutAsync($"/api/autoscaling/targets/{id}", Bodies.Json(Bodies.Target(max: 3))))
        {
            Assert.True(created.IsSuccessStatusCode);
        }

        using (var policy = await operatorClient.PutAsync($"/api/autoscaling/targets/{id}/policies/cpu", Bodies.Json(Bodies.CpuPolicy)))
        {
            Assert.True(policy.IsSuccessStatusCode);
        }

        foreach (var (name, threshold, severity) in new[] { ("browser-cpu-high", 120, "critical"), ("browser-cpu-warm", 60, "warning") })
        {
            using var alarm = await operatorClient.PutAsync($"/api/autoscaling/alarms/{name}", Bodies.Json($$"""
                { "name": "{{name}}", "target": "{{id}}", "severity": "{{severity}}", "metric": "cpu", "periodSeconds": 60, "evaluationPeriods": 1,
                  "threshold": {{threshold}}, "comparison": "GreaterThanThreshold", "treatMissingData": "ignore",
                  "description": "CPU of the browser target" }
                """));
            Assert.True(alarm.IsSuccessStatusCode, await alarm.Content.ReadAsStringAsync());
        }

        using (var telemetry = await operatorClient.PostAsync($"/api/telemetry/{id}", Bodies.Json(Bodies.Telemetry(150))))
        {
            Assert.Equal(HttpStatusCode.Accepted, telemetry.StatusCode);
        }

        using (var set = await operatorClient.PostAsync("/api/autoscaling/alarms/browser-cpu-high/state",
            Bodies.Json("""{ "state": "ALARM", "reason": "Threshold Crossed: 1 datapoint [150.0] was greater than the threshold (120.0)." }""")))
        {
            Assert.True(set.IsSuccessStatusCode);
        }

        using (var set = await operatorClient.PostAsync("/api/autoscaling/alarms/browser-cpu-warm/state", Bodies.Json("""{ "state": "OK", "reason": "below 60" }""")))
        {
            Assert.True(set.IsSuccessStatusCode);
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ChromiumArgs });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        page.SetDefaultTimeout(20_000);

        await page.GotoAsync(silo.BaseAddress.ToString());
        await page.GetByTestId("signin-key").FillAsync(TestKeys.Viewer);
        await page.GetByTestId("signin-submit").ClickAsync();
        var high = page.GetByTestId("alarm-row-browser-cpu-high");
        await Assertions.Expect(high.GetByTestId("alarm-state")).ToHaveTextAsync("ALARM");
        await Assertions.Expect(page.GetByTestId("alarm-row-browser-cpu-warm").GetByTestId("alarm-state")).ToHaveTextAsync("OK");
        await Assertions.Expect(page.GetByTestId("alarms-summary")).ToContainTextAsync("in ALARM");

        await page.GetByTestId($"target-row-{id}").ClickAsync();
        await Assertions.Expect(page.GetByTestId("alarm-threshold-browser-cpu-high")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("alarm-threshold-browser-cpu-warm")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("timeline").GetByTestId("timeline-alarm").First).ToBeVisibleAsync();

        await using var events = await EventStream.OpenAsync(silo.Client(TestKeys.Viewer), id);
        using (var set = await operatorClient.PostAsync("/api/autoscaling/alarms/browser-cpu-warm/state", Bodies.Json("""{ "state": "ALARM", "reason": "above 60" }""")))
        {
            Assert.True(set.IsSuccessStatusCode);
        }

        await events.WaitForAsync(e => e.GetProperty("alarm").GetString() == "browser-cpu-warm", TimeSpan.FromSeconds(20), "alarm");
        await Assertions.Expect(page.GetByTestId("alarm-row-browser-cpu-warm").GetByTestId("alarm-state")).ToHaveTextAsync("ALARM");
        await Assertions.Expect(page.GetByTestId("event-log").GetByTestId("timeline-alarm").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("alarm-threshold-browser-cpu-warm")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("ALARM"));
        await Assertions.Expect(page.GetByTestId("timeline").GetByTestId("timeline-alarm")).ToHaveCountAsync(3);

        var directory = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(directory);
        var screenshot = Path.Combine(directory, "dashboard-alarms.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        output.WriteLine($"Screenshot: {screenshot}");
        Assert.True(new FileInfo(screenshot).Length > 0);
    }
}
