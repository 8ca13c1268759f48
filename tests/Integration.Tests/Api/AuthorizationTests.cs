using System.Net;

namespace Autoscaler.Integration.Tests.Api;

[Collection(ApiHostCollection.Name)]
public sealed class AuthorizationTests(ApiHostFixture fixture)
{
    private readonly ApiTestHost _host = fixture.Host;

    public static TheoryData<string, string, string, int> RoleTable() => new()
    {
        // role, method, path, expected status: each role includes the ones below it.
        { "viewer", "GET", "/api/probe/read", 200 },
        { "viewer", "POST", "/api/probe/scale", 403 },
        { "viewer", "POST", "/api/probe/admin", 403 },
        { "operator", "GET", "/api/probe/read", 200 },
        { "operator", "POST", "/api/probe/scale", 200 },
        { "operator", "POST", "/api/probe/admin", 403 },
        { "admin", "GET", "/api/probe/read", 200 },
        { "admin", "POST", "/api/probe/scale", 200 },
        { "admin", "POST", "/api/probe/admin", 204 },
    };

    [Theory]
    [MemberData(nameof(RoleTable))]
    public async Task Each_role_reaches_its_own_and_lower_policies_only(string role, string method, string path, int expected)
    {
        var key = role switch { "viewer" => TestKeys.Viewer, "operator" => TestKeys.Operator, _ => TestKeys.Admin };
        using var client = _host.Client(key);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = JsonContent("""{ "replicas": 3, "reason": "test" }""");
        }

        using var response = await client.SendAsync(request);

        if (expected == 403)
        {
            var problem = await Problem.AssertAsync(response, 403);
            Assert.Contains($"role '{role}'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Empty(response.Headers.WwwAuthenticate);
        }
        else
        {
            Assert.Equal(expected, (int)response.StatusCode);
        }
    }

    [Fact]
    public async Task An_api_endpoint_without_a_policy_still_needs_a_credential()
    {
        using var anonymous = _host.Client();
        using var refused = await anonymous.GetAsync("/api/probe/undeclared");
        await Problem.AssertAsync(refused, 401);

        using var viewer = _host.Client(TestKeys.Viewer);
        using var allowed = await viewer.GetAsync("/api/probe/undeclared");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Unknown_api_routes_do_not_reveal_themselves_without_a_credential()
    {
        using var anonymous = _host.Client();
        using var refused = await anonymous.GetAsync("/api/autoscaling/nothing-here");
        await Problem.AssertAsync(refused, 401);

        using var viewer = _host.Client(TestKeys.Viewer);
        using var missing = await viewer.GetAsync("/api/autoscaling/nothing-here");
        await Problem.AssertAsync(missing, 404);
    }

    [Fact]
    public async Task The_orleans_dashboard_path_needs_a_credential()
    {
        using var anonymous = _host.Client();
        using var response = await anonymous.GetAsync("/dashboard");

        await Problem.AssertAsync(response, 401);
    }

    [Fact]
    public async Task Paths_outside_api_and_dashboard_stay_public()
    {
        using var anonymous = _host.Client();
        using var response = await anonymous.GetAsync("/public/ping");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    internal static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
