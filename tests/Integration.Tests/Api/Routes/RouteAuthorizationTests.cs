namespace Autoscaler.Integration.Tests.Api.Routes;

/// <summary>
/// Every route needs a credential; every mutating route refuses a viewer; supervisor limits need an admin; an ingest key
/// pushes telemetry and nothing else.
/// </summary>
[Collection(RoutesCollection.Name)]
public sealed class RouteAuthorizationTests(RoutesSilo silo)
{
    public static TheoryData<string, string> ReadRoutes => new()
    {
        { "GET", "/api/autoscaling/status" },
        { "GET", "/api/autoscaling/targets" },
        { "GET", "/api/autoscaling/targets/auth-probe" },
        { "GET", "/api/autoscaling/targets/auth-probe/policies" },
        { "GET", "/api/autoscaling/targets/auth-probe/policies/cpu" },
        { "GET", "/api/autoscaling/targets/auth-probe/metrics" },
        { "GET", "/api/autoscaling/history/auth-probe" },
        { "GET", "/api/autoscaling/recommendations" },
        { "GET", "/api/autoscaling/costs" },
        { "GET", "/api/autoscaling/supervisor" },
        { "GET", "/api/autoscaling/events" },
        { "POST", "/api/autoscaling/policies/validate" },
        { "POST", "/api/autoscaling/simulate" },
        { "GET", "/api/autoscaling/templates" },
        { "POST", "/api/autoscaling/templates/balanced/expand" },
        { "GET", "/api/autoscaling/alarms" },
        { "GET", "/api/autoscaling/alarms/auth-probe" },
        { "GET", "/api/autoscaling/alarms/auth-probe/history" },
        { "POST", "/api/autoscaling/alarms/evaluate" },
        { "POST", "/api/autoscaling/alarms/composite" },
        { "POST", "/api/autoscaling/alarms/validate" },
        { "GET", "/api/autoscaling/alarms/templates" },
    };

    public static TheoryData<string, string> OperatorRoutes => new()
    {
        { "POST", "/api/autoscaling/enable" },
        { "POST", "/api/autoscaling/targets" },
        { "PUT", "/api/autoscaling/targets/auth-probe" },
        { "DELETE", "/api/autoscaling/targets/auth-probe" },
        { "POST", "/api/autoscaling/targets/auth-probe/enabled" },
        { "POST", "/api/autoscaling/targets/auth-probe/evaluate" },
        { "POST", "/api/autoscaling/targets/auth-probe/policies" },
        { "PUT", "/api/autoscaling/targets/auth-probe/policies/cpu" },
        { "DELETE", "/api/autoscaling/targets/auth-probe/policies/cpu" },
        { "POST", "/api/autoscaling/targets/auth-probe/scale" },
        { "DELETE", "/api/autoscaling/targets/auth-probe/scale" },
        { "POST", "/api/telemetry/auth-probe" },
        { "PUT", "/api/autoscaling/alarms/auth-probe" },
        { "DELETE", "/api/autoscaling/alarms/auth-probe" },
        { "POST", "/api/autoscaling/alarms/auth-probe/state" },
        { "POST", "/api/autoscaling/alarms/auth-probe/mute" },
        { "DELETE", "/api/autoscaling/alarms/auth-probe/mute" },
        { "POST", "/api/autoscaling/alarms/auth-probe/evaluate" },
        { "POST", "/api/autoscaling/alarms/templates/mistersmith-critical/apply" },
    };

    [Theory]
    [MemberData(nameof(ReadRoutes))]
    [MemberData(nameof(OperatorRoutes))]
    [InlineData("PUT", "/api/autoscaling/supervisor")]
    public async Task Without_a_key_every_route_answers_401(string method, string path)
    {
        using var client = silo.Client();

        using var response = await client.SendAsync(Request(method, path));

        await Problem.AssertAsync(response, 401);
    }

    [Theory]
    [MemberData(nameof(OperatorRoutes))]
    [InlineData("PUT", "/api/autoscaling/supervisor")]
    public async Task A_viewer_key_on_a_mutating_route_answers_403(string method, string path)
    {
        using var client = silo.Client(TestKeys.Viewer);

        using var response = await client.SendAsync(Request(method, path));

        await Problem.AssertAsync(response, 403);
    }

    [Fact]
    public async Task An_operator_may_not_change_supervisor_limits_but_an_admin_may()
    {
        using var operatorClient = silo.Client(TestKeys.Operator);
        using var adminClient = silo.Client(TestKeys.Admin);
        const string limits = """{ "maxTotalCapacity": 500 }""";

        using var refused = await operatorClient.PutAsync("/api/autoscaling/supervisor?scope=auth-scope", Bodies.Json(limits));
        using var accepted = await adminClient.PutAsync("/api/autoscaling/supervisor?scope=auth-scope", Bodies.Json(limits));

        await Problem.AssertAsync(refused, 403);
        Assert.Equal(System.Net.HttpStatusCode.OK, accepted.StatusCode);
    }

    /// <summary>Every route but the two telemetry routes.</summary>
    public static TheoryData<string, string> NonTelemetryRoutes()
    {
        var routes = new TheoryData<string, string>
        {
            { "PUT", "/api/autoscaling/supervisor" },
            { "POST", "/api/autoscaling/session/dashboard" },
        };
        foreach (var route in ReadRoutes.Concat(OperatorRoutes))
        {
            var (method, path) = ((string)route[0], (string)route[1]);
            if (!path.StartsWith("/api/telemetry/", StringComparison.Ordinal))
            {
                routes.Add(method, path);
            }
        }

        return routes;
    }

    [Theory]
    [MemberData(nameof(NonTelemetryRoutes))]
    public async Task An_ingest_key_on_any_route_but_telemetry_answers_403(string method, string path)
    {
        using var client = silo.Client(TestKeys.Ingest);

        using var response = await client.SendAsync(Request(method, path));

        await Problem.AssertAsync(response, 403);
    }

    [Theory]
    [InlineData("/api/telemetry/nobody-registered-this")]
    [InlineData("/api/telemetry/nobody-registered-this/lifecycle")]
    public async Task An_ingest_key_passes_authorization_on_the_telemetry_routes(string path)
    {
        using var client = silo.Client(TestKeys.Ingest);
        var body = path.EndsWith("/lifecycle", StringComparison.Ordinal)
            ? """{ "source": "agent-1", "event": "started" }"""
            : Bodies.Telemetry(10);

        using var response = await client.PostAsync(path, Bodies.Json(body));

        // Past authentication and authorization: the unknown target is what answers.
        await Problem.AssertAsync(response, 404);
    }

    [Fact]
    public async Task A_viewer_may_read_a_route()
    {
        using var client = silo.Client(TestKeys.Viewer);

        using var response = await client.GetAsync("/api/autoscaling/status");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    private static HttpRequestMessage Request(string method, string path) =>
        new(new HttpMethod(method), path) { Content = method == "GET" || method == "DELETE" ? null : Bodies.Json("{}") };
}
