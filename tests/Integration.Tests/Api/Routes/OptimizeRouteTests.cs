using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Autoscaler.Ingestion.Dispatch;
using Microsoft.Extensions.DependencyInjection;

namespace Autoscaler.Integration.Tests.Api.Routes;

/// <summary><c>GET /optimize</c> and <c>GET /targets/{id}/optimize</c>: recommendations from a live target's own history, over real HTTP.</summary>
[Collection(RoutesCollection.Name)]
public sealed class OptimizeRouteTests(RoutesSilo silo)
{
    private const string Id = "optimize-web";

    [Fact]
    public async Task A_target_with_telemetry_gets_recommendations_and_appears_in_the_fleet()
    {
        using var viewer = silo.Client(TestKeys.Viewer);
        await RecordAsync();

        using var response = await viewer.GetAsync($"/api/autoscaling/targets/{Id}/optimize?vcpu=1&memoryGiB=2&interruptible=true");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Id, report.GetProperty("target").GetString());
        var rightSize = report.GetProperty("rightSize");
        Assert.Equal(JsonValueKind.Object, rightSize.ValueKind);
        Assert.Equal(1, rightSize.GetProperty("current").GetProperty("size").GetProperty("vcpu").GetDouble());
        Assert.All(rightSize.GetProperty("candidates").EnumerateArray(), c => Assert.Equal(JsonValueKind.Number, c.GetProperty("underProvisionedPercent").ValueKind));
        Assert.True(report.GetProperty("efficiency").GetProperty("cost").GetDouble() > 0);
        Assert.Equal(JsonValueKind.Object, report.GetProperty("purchase").ValueKind);

        using var fleetResponse = await viewer.GetAsync("/api/autoscaling/optimize?days=7");
        Assert.Equal(HttpStatusCode.OK, fleetResponse.StatusCode);
        var fleet = await fleetResponse.Content.ReadFromJsonAsync<JsonElement>();
        var mine = fleet.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("target").GetString() == Id);
        // Without a configured size the target is priced by its unit price and not right-sized; it says so.
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("rightSize").ValueKind);
        Assert.Contains(mine.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("no instance size", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("?vcpu=1", "memoryGiB")]
    [InlineData("?memoryGiB=2", "vcpu")]
    [InlineData("?vcpu=0.25&memoryGiB=3", "memoryGiB")]
    [InlineData("?days=20", "days")]
    [InlineData("?days=0", "days")]
    [InlineData("?platform=ec2", "platform")]
    public async Task Bad_queries_are_problems_naming_the_field(string query, string field)
    {
        using var response = await silo.Client(TestKeys.Viewer).GetAsync($"/api/autoscaling/targets/{Id}/optimize{query}");
        var problem = await Problem.AssertAsync(response, 400);
        Assert.NotEmpty(Problem.ErrorsFor(problem, field));
    }

    [Fact]
    public async Task Unknown_targets_are_not_found_and_the_fleet_checks_days()
    {
        using var viewer = silo.Client(TestKeys.Viewer);
        using var unknown = await viewer.GetAsync("/api/autoscaling/targets/no-such-target/optimize");
        using var fleet = await viewer.GetAsync("/api/autoscaling/optimize?days=15");
        await Problem.AssertAsync(unknown, 404);
        Assert.NotEmpty(Problem.ErrorsFor(await Problem.AssertAsync(fleet, 400), "days"));
    }

    private async Task RecordAsync()
    {
        using var operatorClient = silo.Client(TestKeys.Operator);
        using var viewer = silo.Client(TestKeys.Viewer);
        (await operatorClient.PutAsync($"/api/autoscaling/targets/{Id}", Bodies.Json(Bodies.Target()))).Dispose();
        (await operatorClient.PostAsync($"/api/autoscaling/targets/{Id}/policies", Bodies.Json(Bodies.CpuPolicy))).Dispose();
        (await operatorClient.PostAsync($"/api/telemetry/{Id}", Bodies.Json(Bodies.Telemetry(30)))).Dispose();

        // Telemetry is queued per target: once the dispatcher has applied it, one evaluation records the demand.
        await silo.Factory.Services.GetRequiredService<TelemetryDispatcher>().WhenIdle().WaitAsync(TimeSpan.FromSeconds(20));
        (await operatorClient.PostAsync($"/api/autoscaling/targets/{Id}/evaluate", null)).Dispose();
        using var trace = await viewer.GetAsync($"/api/autoscaling/targets/{Id}/trace");
        Assert.Equal(HttpStatusCode.OK, trace.StatusCode);
    }
}
