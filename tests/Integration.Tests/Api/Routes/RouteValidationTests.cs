using System.Net;
using Autoscaler.Ingestion.Monitoring;
using Autoscaler.Ingestion.Parsing;
using Microsoft.Extensions.DependencyInjection;

namespace Autoscaler.Integration.Tests.Api.Routes;

/// <summary>Malformed input answers 400 problem+json naming the field; unknown targets 404; telemetry over 64 KiB 413.</summary>
[Collection(RoutesCollection.Name)]
public sealed class RouteValidationTests(RoutesSilo silo)
{
    [Theory]
    [InlineData("""{ "max": 5, "actuator": { "kind": "simulated" } }""", "min")]
    [InlineData("""{ "min": 1, "max": 5 }""", "actuator")]
    [InlineData("""{ "min": 1, "max": 5, "actuator": { "kind": "simulated" }, "replicaz": 3 }""", "replicaz")]
    [InlineData("""{ "min": "one", "max": 5, "actuator": { "kind": "simulated" } }""", "min")]
    [InlineData("""{ "min": 5, "max": 2, "actuator": { "kind": "simulated" } }""", "max")]
    [InlineData("""{ "min": 1, "max": 5, "actuator": { "kind": "teleport" } }""", "actuator.kind")]
    [InlineData("""{ "min": 1, "max": 5, "actuator": { "kind": "simulated" }, "evaluationIntervalSeconds": 0 }""", "evaluationIntervalSeconds")]
    [InlineData("""{ "min": 1, "max": 5, "actuator": { "kind": "simulated" }, "behavior": [] }""", "behavior")]
    [InlineData("""{ "min": 1, "max": 5, "actuator": { "kind": "aurora", "settings": { "cluster": "orders", "dimension": "writers" } } }""", "actuator.settings")]
    [InlineData("""{ "min": 1, "max": 5, "actuator": { "kind": "aurora", "settings": { "dimension": "readers" } } }""", "actuator.settings")]
    [InlineData("""{ "min": 1, "max": 5, "actuator": { "kind": "Aurora", "settings": { "cluster": "orders", "dimension": "serverlessV2MinCapacity", "maxAcu": "300" } } }""", "actuator.settings")]
    [InlineData("""min=1&max=5""", "body")]
    public async Task An_invalid_target_body_names_the_field(string body, string field)
    {
        using var client = silo.Client(TestKeys.Operator);

        using var response = await client.PutAsync("/api/autoscaling/targets/invalid-target", Bodies.Json(body));

        var problem = await Problem.AssertAsync(response, 400);
        Assert.NotEmpty(Problem.ErrorsFor(problem, field));
        using var lookup = await client.GetAsync("/api/autoscaling/targets/invalid-target");
        await Problem.AssertAsync(lookup, 404);
    }

    [Theory]
    [InlineData("""{ "type": "targetTracking", "metric": "cpu", "target": { "type": "AverageValue", "value": 50 } }""", "name")]
    [InlineData("""{ "name": "cpu", "type": "warpDrive" }""", "type")]
    [InlineData("""{ "name": "cpu", "type": "targetTracking", "target": { "type": "AverageValue", "value": 50 } }""", "metric")]
    public async Task An_invalid_policy_names_the_field(string body, string field)
    {
        using var client = silo.Client(TestKeys.Operator);
        await CreateTargetAsync(client, "policy-validation");

        using var response = await client.PostAsync("/api/autoscaling/targets/policy-validation/policies", Bodies.Json(body));

        var problem = await Problem.AssertAsync(response, 400);
        Assert.NotEmpty(Problem.ErrorsFor(problem, field));
    }

    [Theory]
    [InlineData("""{ "replicas": 3 }""", "reason")]
    [InlineData("""{ "reason": "load test" }""", "replicas")]
    [InlineData("""{ "replicas": 99, "reason": "load test" }""", "replicas")]
    [InlineData("""{ "capacity": 99, "reason": "load test" }""", "capacity")]
    [InlineData("""{ "replicas": "three", "reason": "load test" }""", "replicas")]
    [InlineData("""{ "replicas": 3, "reason": "load test", "expiresAt": "2001-01-01T00:00:00Z" }""", "expiresAt")]
    public async Task An_invalid_manual_scale_names_the_field(string body, string field)
    {
        using var client = silo.Client(TestKeys.Operator);
        await CreateTargetAsync(client, "scale-validation");

        using var response = await client.PostAsync("/api/autoscaling/targets/scale-validation/scale", Bodies.Json(body));

        var problem = await Problem.AssertAsync(response, 400);
        Assert.NotEmpty(Problem.ErrorsFor(problem, field));
    }

    [Theory]
    [InlineData("""{ "metrics": { "cpu": 1 } }""", "source", TelemetryRejectionReason.MissingSource)]
    [InlineData("""{ "source": "a" }""", "metrics", TelemetryRejectionReason.MissingMetrics)]
    [InlineData("""[ { "source": "a", "metrics": { "cpu": 1 } }, { "source": "b", "metrics": { "cpu": "hot" } } ]""", "[1].metrics.cpu", TelemetryRejectionReason.NonNumericValue)]
    [InlineData("""{ "source": "a", "metrics": { "cpu": 1 }, "ts": "yesterday" }""", "ts", TelemetryRejectionReason.InvalidField)]
    [InlineData("""{ "source": "a", "metrics": { "cpu": 1 }, "ts": "2999-01-01T00:00:00Z" }""", "ts", TelemetryRejectionReason.FutureTimestamp)]
    [InlineData("""not json""", "body", TelemetryRejectionReason.InvalidJson)]
    public async Task Invalid_telemetry_names_the_field_and_is_counted(string body, string field, TelemetryRejectionReason reason)
    {
        using var client = silo.Client(TestKeys.Operator);
        await CreateTargetAsync(client, "telemetry-validation");
        var counters = silo.Factory.Services.GetRequiredService<TelemetryIngestionCounters>();
        var before = counters.Rejected(reason);

        using var response = await client.PostAsync("/api/telemetry/telemetry-validation", Bodies.Json(body));

        var problem = await Problem.AssertAsync(response, 400);
        Assert.NotEmpty(Problem.ErrorsFor(problem, field));
        Assert.True(counters.Rejected(reason) > before);
    }

    [Theory]
    [InlineData("""{ "source": "agent-1", "event": "started" }""", 202, null)]
    [InlineData("""{ "source": "agent-1", "event": "exploded" }""", 400, "event")]
    [InlineData("""{ "event": "stopped" }""", 400, "source")]
    public async Task Agent_lifecycle_over_http_is_accepted_or_names_the_field(string body, int status, string? field)
    {
        using var client = silo.Client(TestKeys.Operator);
        await CreateTargetAsync(client, "lifecycle-pool");

        using var response = await client.PostAsync("/api/telemetry/lifecycle-pool/lifecycle", Bodies.Json(body));

        if (field is null)
        {
            Assert.Equal(status, (int)response.StatusCode);
        }
        else
        {
            Assert.NotEmpty(Problem.ErrorsFor(await Problem.AssertAsync(response, status), field));
        }
    }

    [Fact]
    public async Task Telemetry_for_an_unknown_target_is_404_and_counted()
    {
        using var client = silo.Client(TestKeys.Operator);
        var counters = silo.Factory.Services.GetRequiredService<TelemetryIngestionCounters>();
        var before = counters.Rejected(TelemetryRejectionReason.UnknownTarget);

        using var response = await client.PostAsync("/api/telemetry/nobody-registered-this", Bodies.Json(Bodies.Telemetry(10)));

        await Problem.AssertAsync(response, 404);
        Assert.Equal(before + 1, counters.Rejected(TelemetryRejectionReason.UnknownTarget));
    }

    [Fact]
    public async Task Telemetry_over_64_KiB_is_413()
    {
        using var client = silo.Client(TestKeys.Operator);
        await CreateTargetAsync(client, "telemetry-oversize");
        var padding = new string('x', 70 * 1024);

        using var response = await client.PostAsync(
            "/api/telemetry/telemetry-oversize", Bodies.Json($$"""{ "source": "{{padding}}", "metrics": { "cpu": 1 } }"""));

        await Problem.AssertAsync(response, 413);
    }

    [Theory]
    [InlineData("GET", "/api/autoscaling/targets/ghost")]
    [InlineData("GET", "/api/autoscaling/targets/ghost/metrics")]
    [InlineData("GET", "/api/autoscaling/targets/ghost/policies")]
    [InlineData("GET", "/api/autoscaling/history/ghost")]
    [InlineData("DELETE", "/api/autoscaling/targets/ghost")]
    [InlineData("POST", "/api/autoscaling/targets/ghost/evaluate")]
    [InlineData("DELETE", "/api/autoscaling/targets/ghost/scale")]
    public async Task An_unknown_target_is_404(string method, string path)
    {
        using var client = silo.Client(TestKeys.Operator);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        var problem = await Problem.AssertAsync(response, 404);
        Assert.Contains("ghost", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "maxTotalCapacity": -1 }""", "maxTotalCapacity")]
    [InlineData("""{ "warningPercent": 95, "criticalPercent": 90 }""", "criticalPercent")]
    [InlineData("""{ "monthlyBudget": "lots" }""", "monthlyBudget")]
    [InlineData("""{ "monthlyBudget": 100, "budgetActions": [ { "thresholdPercent": 80, "action": "shout" } ] }""", "budgetActions[0].action")]
    [InlineData("""{ "monthlyBudget": 100, "budgetActions": [ { "thresholdPercent": 80, "action": "notify" }, { "thresholdPercent": 95, "action": "reduceMaxCapacity" } ] }""", "budgetActions[1].step")]
    [InlineData("""{ "monthlyBudget": 100, "budgetActions": [ { "thresholdPercent": -5, "action": "notify" } ] }""", "budgetActions[0].thresholdPercent")]
    [InlineData("""{ "budgetActions": [ { "thresholdPercent": 80, "action": "notify" } ] }""", "budgetActions")]
    public async Task Invalid_supervisor_limits_name_the_field(string body, string field)
    {
        using var client = silo.Client(TestKeys.Admin);

        using var response = await client.PutAsync("/api/autoscaling/supervisor?scope=validation-scope", Bodies.Json(body));

        var problem = await Problem.AssertAsync(response, 400);
        Assert.NotEmpty(Problem.ErrorsFor(problem, field));
    }

    [Fact]
    public async Task The_global_switch_needs_enabled()
    {
        using var client = silo.Client(TestKeys.Operator);

        using var response = await client.PostAsync("/api/autoscaling/enable", Bodies.Json("""{ "dryRun": true }"""));

        var problem = await Problem.AssertAsync(response, 400);
        Assert.NotEmpty(Problem.ErrorsFor(problem, "enabled"));
    }

    private static async Task CreateTargetAsync(HttpClient client, string id)
    {
        using var response = await client.PutAsync($"/api/autoscaling/targets/{id}", Bodies.Json(Bodies.Target()));
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
