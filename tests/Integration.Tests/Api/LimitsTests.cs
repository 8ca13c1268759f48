using System.Net;

namespace Autoscaler.Integration.Tests.Api;

[Collection(ApiHostCollection.Name)]
public sealed class LimitsTests(ApiHostFixture fixture)
{
    private readonly ApiTestHost _host = fixture.Host;

    [Fact]
    public async Task A_key_over_its_permit_limit_gets_429_with_retry_after()
    {
        using var client = _host.Client(TestKeys.Burst);
        for (var i = 0; i < TestKeys.BurstPermits; i++)
        {
            using var allowed = await client.GetAsync("/api/probe/read");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await client.GetAsync("/api/probe/read");

        await Problem.AssertAsync(refused, 429);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));

        // Other keys have windows of their own.
        using var other = _host.Client(TestKeys.Viewer);
        using var unaffected = await other.GetAsync("/api/probe/read");
        Assert.Equal(HttpStatusCode.OK, unaffected.StatusCode);
    }

    [Fact]
    public async Task A_declared_length_over_the_endpoint_limit_gets_413()
    {
        using var client = _host.Client(TestKeys.Viewer);
        var body = $$"""{ "replicas": 1, "reason": "{{new string('x', ProbeEndpoints.SmallLimit)}}" }""";

        using var response = await client.PostAsync("/api/probe/small", AuthorizationTests.JsonContent(body));

        var problem = await Problem.AssertAsync(response, 413);
        Assert.Contains($"at most {ProbeEndpoints.SmallLimit}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_gets_413_from_the_server()
    {
        using var client = _host.Client(TestKeys.Viewer);
        var body = $$"""{ "replicas": 1, "reason": "{{new string('x', ProbeEndpoints.SmallLimit)}}" }""";
        using var content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body)));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/probe/small") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request);

        await Problem.AssertAsync(response, 413);
    }

    [Fact]
    public async Task Telemetry_accepts_64_KiB_while_other_routes_accept_1_MiB()
    {
        using var client = _host.Client(TestKeys.Viewer);
        var overTelemetryLimit = new string('x', (64 * 1024) + 1);

        using var telemetry = await client.PostAsync("/api/telemetry/web", AuthorizationTests.JsonContent(overTelemetryLimit));
        await Problem.AssertAsync(telemetry, 413);

        using var telemetryOk = await client.PostAsync("/api/telemetry/web", AuthorizationTests.JsonContent(new string('x', 64 * 1024)));
        Assert.Equal(HttpStatusCode.Accepted, telemetryOk.StatusCode);

        using var other = await client.PostAsync("/api/probe/echo", AuthorizationTests.JsonContent(overTelemetryLimit));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);

        using var overDefault = await client.PostAsync("/api/probe/echo", AuthorizationTests.JsonContent(new string('x', (1024 * 1024) + 1)));
        await Problem.AssertAsync(overDefault, 413);
    }
}
