using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Autoscaler.Integration.Tests.Api.Routes;

/// <summary><c>GET</c> and <c>PUT /targets/{id}/size</c> on a real silo with the simulated actuator: applied, dry run,
/// invalid (naming the field), not supported; every change audited as a <c>resized</c> history row.</summary>
[Collection(RoutesCollection.Name)]
public sealed class SizeRouteTests(RoutesSilo silo)
{
    [Fact]
    public async Task A_change_is_applied_through_the_actuator_read_back_and_audited()
    {
        const string id = "size-fargate";
        using var operatorClient = silo.Client(TestKeys.Operator);
        using var viewer = silo.Client(TestKeys.Viewer);
        (await operatorClient.PutAsync($"/api/autoscaling/targets/{id}", Bodies.Json(Bodies.Target()))).Dispose();
        var configured = await viewer.GetFromJsonAsync<JsonElement>($"/api/autoscaling/targets/{id}/size");

        using var response = await operatorClient.PutAsync($"/api/autoscaling/targets/{id}/size", Bodies.Json(new { vcpu = 1, memoryGiB = 4, reason = "p95 cpu 80 %" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("applied", result.GetProperty("outcome").GetString());
        Assert.Equal("sim-1", result.GetProperty("revision").GetString());
        Assert.Equal(("configured", 0.5), (configured.GetProperty("source").GetString(), configured.GetProperty("vcpu").GetDouble()));
        var size = await viewer.GetFromJsonAsync<JsonElement>($"/api/autoscaling/targets/{id}/size");
        Assert.Equal(("applied", 1.0, 4.0), (size.GetProperty("source").GetString(), size.GetProperty("vcpu").GetDouble(), size.GetProperty("memoryGiB").GetDouble()));
        Assert.StartsWith("user:", size.GetProperty("changedBy").GetString(), StringComparison.Ordinal);
        var history = await viewer.GetFromJsonAsync<JsonElement>($"/api/autoscaling/history/{id}");
        var row = history.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "resized");
        Assert.Contains(row.GetProperty("explanation").EnumerateArray(), line => line.GetString() == "p95 cpu 80 %");
    }

    [Fact]
    public async Task A_dry_run_explains_and_changes_nothing()
    {
        const string id = "size-dry";
        using var operatorClient = silo.Client(TestKeys.Operator);
        (await operatorClient.PutAsync($"/api/autoscaling/targets/{id}", Bodies.Json(Bodies.Target()))).Dispose();

        using var response = await operatorClient.PutAsync($"/api/autoscaling/targets/{id}/size",
            Bodies.Json(new { vcpu = 2, memoryGiB = 4, reason = "try", dryRun = true }));

        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("dry-run", result.GetProperty("outcome").GetString());
        Assert.Contains("nothing sent", result.GetProperty("message").GetString(), StringComparison.Ordinal);
        var size = await silo.Client(TestKeys.Viewer).GetFromJsonAsync<JsonElement>($"/api/autoscaling/targets/{id}/size");
        Assert.Equal("unknown", size.GetProperty("source").GetString());
    }

    [Theory]
    [InlineData("""{ "memoryGiB": 2, "reason": "r" }""", "vcpu")]
    [InlineData("""{ "vcpu": 1, "memoryGiB": 2 }""", "reason")]
    [InlineData("""{ "vcpu": -1, "memoryGiB": 2, "reason": "r" }""", "vcpu")]
    [InlineData("""{ "vcpu": 0.25, "memoryGiB": 3, "reason": "r" }""", "memoryGiB")] // not a Fargate pair
    [InlineData("""{ "vcpu": 3, "memoryGiB": 8, "reason": "r" }""", "vcpu")] // no Fargate size has 3 vCPU
    public async Task Invalid_changes_are_problems_naming_the_field_and_leave_the_size(string body, string field)
    {
        const string id = "size-fargate";
        using var operatorClient = silo.Client(TestKeys.Operator);
        (await operatorClient.PutAsync($"/api/autoscaling/targets/{id}", Bodies.Json(Bodies.Target()))).Dispose();

        using var response = await operatorClient.PutAsync($"/api/autoscaling/targets/{id}/size", Bodies.Json(body));

        Assert.NotEmpty(Problem.ErrorsFor(await Problem.AssertAsync(response, 400), field));
    }

    [Fact]
    public async Task An_actuator_that_cannot_resize_is_a_conflict_a_viewer_may_not_change_and_unknown_targets_are_not_found()
    {
        const string id = "size-webhook";
        using var operatorClient = silo.Client(TestKeys.Operator);
        var target = new
        {
            min = 1, max = 10, initialCapacity = 2, unitCostPerHour = 0.05m, evaluationIntervalSeconds = 60,
            actuator = new { kind = "webhook", settings = new Dictionary<string, string> { ["url"] = "http://127.0.0.1:9/scale" } },
        };
        using var registered = await operatorClient.PutAsync($"/api/autoscaling/targets/{id}", Bodies.Json(target));
        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());

        using var refused = await operatorClient.PutAsync($"/api/autoscaling/targets/{id}/size", Bodies.Json(new { vcpu = 1, memoryGiB = 2, reason = "r" }));
        using var viewer = await silo.Client(TestKeys.Viewer).PutAsync($"/api/autoscaling/targets/{id}/size", Bodies.Json(new { vcpu = 1, memoryGiB = 2, reason = "r" }));
        using var unknown = await operatorClient.GetAsync("/api/autoscaling/targets/no-such-size-target/size");

        var problem = await Problem.AssertAsync(refused, 409);
        Assert.Contains("resizeUrl", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        await Problem.AssertAsync(unknown, 404);
    }
}
