using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Autoscaler.Integration.Tests.Api;

[Collection(ApiHostCollection.Name)]
public sealed class DashboardSessionTests(ApiHostFixture fixture)
{
    private readonly ApiTestHost _host = fixture.Host;

    [Fact]
    public async Task A_key_holder_gets_an_http_only_strict_cookie_that_opens_only_the_orleans_dashboard()
    {
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = _host.Address };

        using var refused = await browser.GetAsync("/dashboard/probe");
        await Problem.AssertAsync(refused, 401);

        using var open = new HttpRequestMessage(HttpMethod.Post, "/api/autoscaling/session/dashboard");
        open.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.Viewer);
        using var opened = await browser.SendAsync(open);
        Assert.Equal(HttpStatusCode.NoContent, opened.StatusCode);
        var setCookie = opened.Headers.GetValues("Set-Cookie").Single().ToUpperInvariant();
        Assert.Contains("PATH=/DASHBOARD", setCookie, StringComparison.Ordinal);
        Assert.Contains("HTTPONLY", setCookie, StringComparison.Ordinal);
        Assert.Contains("SAMESITE=STRICT", setCookie, StringComparison.Ordinal);
        Assert.DoesNotContain(TestKeys.Viewer.ToUpperInvariant(), setCookie, StringComparison.Ordinal);

        var dashboard = await browser.GetFromJsonAsync<JsonElement>("/dashboard/probe");
        Assert.Equal("viewer-bot", dashboard.GetProperty("name").GetString());

        // The cookie is scoped to /dashboard; even sent explicitly to /api it is not a credential.
        var cookie = cookies.GetCookies(new Uri(_host.Address, "/dashboard/probe")).Single();
        using var api = new HttpRequestMessage(HttpMethod.Get, "/api/probe/read");
        api.Headers.Add("Cookie", $"{cookie.Name}={cookie.Value}");
        using var apiResponse = await browser.SendAsync(api);
        await Problem.AssertAsync(apiResponse, 401);

        using var close = new HttpRequestMessage(HttpMethod.Delete, "/api/autoscaling/session/dashboard");
        close.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.Viewer);
        (await browser.SendAsync(close)).Dispose();
        using var closed = await browser.GetAsync("/dashboard/probe");
        await Problem.AssertAsync(closed, 401);
    }

    [Fact]
    public async Task An_ingest_key_cannot_open_a_dashboard_session_as_security_md_says()
    {
        using var client = new HttpClient { BaseAddress = _host.Address };
        using var open = new HttpRequestMessage(HttpMethod.Post, "/api/autoscaling/session/dashboard");
        open.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.Ingest);

        using var refused = await client.SendAsync(open);

        await Problem.AssertAsync(refused, 403);
        Assert.False(refused.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Opening_a_session_needs_a_credential()
    {
        using var client = _host.Client();

        using var response = await client.PostAsync("/api/autoscaling/session/dashboard", null);

        await Problem.AssertAsync(response, 401);
    }
}
