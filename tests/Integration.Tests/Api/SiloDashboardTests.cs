using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Autoscaler.Silo.Api.Security;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Autoscaler.Integration.Tests.Api;

/// <summary>The real silo in embedded mode (no servers needed): dashboard files are public, data is not.</summary>
public sealed class SiloDashboardTests(SiloFixture silo) : IClassFixture<SiloFixture>
{
    private readonly WebApplicationFactory<ApiKeyStore> _factory = silo.Factory;

    private string KeyFile => silo.KeyFile;

    [Fact]
    public async Task The_dashboard_page_is_public_with_a_strict_content_security_policy()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        foreach (var testId in new[] { "signin-form", "signin-key", "targets-table", "metric-chart", "timeline", "costs-panel",
                     "recommendations", "scale-form", "toggle-enabled", "live-indicator", "event-log" })
        {
            Assert.Contains($"data-testid=\"{testId}\"", html, StringComparison.Ordinal);
        }

        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/assets/app.js")]
    [InlineData("/assets/api.js")]
    [InlineData("/assets/sse.js")]
    [InlineData("/assets/chart.js")]
    [InlineData("/assets/dom.js")]
    [InlineData("/assets/views/targets.js")]
    [InlineData("/assets/views/timeline.js")]
    [InlineData("/assets/views/costs.js")]
    [InlineData("/assets/views/recommendations.js")]
    public async Task Every_dashboard_module_is_served_as_javascript(string path)
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        // Nothing is fetched from the internet: no absolute URLs in imports.
        Assert.DoesNotContain("from 'http", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_needs_the_generated_key_which_is_written_owner_only()
    {
        using var client = _factory.CreateClient();

        using var anonymous = await client.GetAsync("/api/autoscaling/whoami");
        await Problem.AssertAsync(anonymous, 401);

        var key = (await File.ReadAllTextAsync(KeyFile)).Trim();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/autoscaling/whoami");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var signedIn = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var who = await signedIn.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(ApiKeyStore.GeneratedKeyName, who.GetProperty("name").GetString());
        Assert.Equal("admin", who.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Health_probes_stay_public()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
