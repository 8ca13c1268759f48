using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.Extensions.DependencyInjection;

namespace Autoscaler.Integration.Tests.Api;

[Collection(ApiHostCollection.Name)]
public sealed class SecretLoggingTests(ApiHostFixture fixture)
{
    private readonly ApiTestHost _host = fixture.Host;

    [Fact]
    public async Task Presented_keys_never_reach_the_logs_at_any_level()
    {
        foreach (var key in new[] { TestKeys.Viewer, TestKeys.Operator, TestKeys.Wrong })
        {
            using var client = _host.Client(key);
            (await client.GetAsync("/api/probe/read")).Dispose();
            (await client.PostAsync("/api/probe/scale", AuthorizationTests.JsonContent("{ \"replicas\": \"x\" }"))).Dispose();
            (await client.GetAsync("/api/probe/throw")).Dispose();
            (await client.GetAsync("/api/nowhere")).Dispose();
            using var header = new HttpRequestMessage(HttpMethod.Get, "/api/probe/read");
            header.Headers.Add("X-Api-Key", key);
            (await client.SendAsync(header)).Dispose();
        }

        var logs = _host.Logs.All;
        // Information (hosting) and Debug (authentication) lines are captured, so the check below covers them.
        Assert.Contains("Request starting", logs, StringComparison.Ordinal);
        Assert.Contains("was not authenticated. Failure message: The API key is not valid.", logs, StringComparison.Ordinal);
        foreach (var key in new[] { TestKeys.Viewer, TestKeys.Operator, TestKeys.Wrong })
        {
            Assert.DoesNotContain(key, logs, StringComparison.Ordinal);
            // Not even a recognizable part of it.
            Assert.DoesNotContain(key[4..20], logs, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Bearer ask_", logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Http_logging_asked_to_print_credential_headers_still_redacts_them()
    {
        await using var host = await ApiTestHost.StartAsync(TestKeys.Settings(), services => services.AddHttpLogging(o =>
        {
            o.LoggingFields = HttpLoggingFields.All;
            o.RequestHeaders.Add("Authorization");
            o.RequestHeaders.Add("X-Api-Key");
        }), configure: app => app.UseHttpLogging());
        using var client = host.Client(TestKeys.Operator);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/probe/read");
        request.Headers.Add("X-Api-Key", TestKeys.Viewer);

        using var response = await client.SendAsync(request);

        Assert.Contains("Authorization: [Redacted]", host.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(TestKeys.Operator, host.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(TestKeys.Viewer, host.Logs.All, StringComparison.Ordinal);
    }
}
