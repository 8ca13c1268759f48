using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Autoscaler.Ingestion.Dispatch;
using Microsoft.Extensions.DependencyInjection;
using Autoscaler.Scaling.Json;
using Autoscaler.Scaling.Simulation;

namespace Autoscaler.Integration.Tests.Api.Routes;

/// <summary><c>GET /targets/{id}/trace</c>: a live target's recorded demand as a demand-mode simulate input, over real HTTP.</summary>
[Collection(RoutesCollection.Name)]
public sealed class TraceRouteTests(RoutesSilo silo)
{
    [Fact]
    public async Task A_target_with_telemetry_exports_a_trace_that_simulates()
    {
        const string id = "trace-web";
        using var operatorClient = silo.Client(TestKeys.Operator);
        using var viewer = silo.Client(TestKeys.Viewer);
        (await operatorClient.PutAsync($"/api/autoscaling/targets/{id}", Bodies.Json(Bodies.Target()))).Dispose();
        (await operatorClient.PostAsync($"/api/autoscaling/targets/{id}/policies", Bodies.Json(Bodies.CpuPolicy))).Dispose();
        (await operatorClient.PostAsync($"/api/telemetry/{id}", Bodies.Json(Bodies.Telemetry(30)))).Dispose();

        // Telemetry is queued per target: once the dispatcher has applied it, one evaluation records both instances' total.
        await silo.Factory.Services.GetRequiredService<TelemetryDispatcher>().WhenIdle().WaitAsync(TimeSpan.FromSeconds(20));
        (await operatorClient.PostAsync($"/api/autoscaling/targets/{id}/evaluate", null)).Dispose();
        using var response = await viewer.GetAsync($"/api/autoscaling/targets/{id}/trace");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var trace = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Object, trace.ValueKind);
        Assert.Equal(50, trace.GetProperty("demand").GetProperty("cpu").GetProperty("perInstance").GetDouble());
        Assert.Equal("cpu", trace.GetProperty("policies")[0].GetProperty("name").GetString());
        var request = ScalingDocuments.ReadSimulation(JsonSerializer.SerializeToUtf8Bytes(trace));
        Assert.True(request.IsDemandMode);
        Assert.NotNull(request.RecordedCapacity);
        Assert.True(Simulator.Run(request, SimulationOptions.SummaryOnly).Summary.Evaluations >= 1);
    }

    [Fact]
    public async Task Unknown_targets_and_empty_spans_are_problems()
    {
        using var viewer = silo.Client(TestKeys.Viewer);

        using var unknown = await viewer.GetAsync("/api/autoscaling/targets/no-such-target/trace");
        using var backwards = await viewer.GetAsync("/api/autoscaling/targets/trace-web/trace?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z");

        await Problem.AssertAsync(unknown, 404);
        var problem = await Problem.AssertAsync(backwards, 400);
        Assert.NotEmpty(Problem.ErrorsFor(problem, "to"));
    }

    [Fact]
    public async Task A_target_without_recorded_demand_says_so()
    {
        const string id = "trace-quiet";
        using var operatorClient = silo.Client(TestKeys.Operator);
        (await operatorClient.PutAsync($"/api/autoscaling/targets/{id}", Bodies.Json(Bodies.Target()))).Dispose();

        using var response = await silo.Client(TestKeys.Viewer).GetAsync($"/api/autoscaling/targets/{id}/trace");

        var problem = await Problem.AssertAsync(response, 404);
        Assert.Contains("recorded no demand that can be simulated", problem.GetRawText(), StringComparison.Ordinal);
    }
}
