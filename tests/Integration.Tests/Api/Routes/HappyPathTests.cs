using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Autoscaler.Integration.Tests.Api.Routes;

/// <summary>The whole loop over real HTTP: register a simulated target, add a policy, push breaching telemetry, watch it
/// scale out on the event stream, then manual scaling, history paging, recommendations, costs and metrics.</summary>
[Collection(RoutesCollection.Name)]
public sealed class HappyPathTests(RoutesSilo silo)
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Breaching_telemetry_scales_a_target_out_and_every_view_shows_it()
    {
        const string id = "happy-web";
        using var viewer = silo.Client(TestKeys.Viewer);
        using var operatorClient = silo.Client(TestKeys.Operator);
        await using var events = await EventStream.OpenAsync(silo.Client(TestKeys.Viewer), id);

        using (var created = await operatorClient.PutAsync($"/api/autoscaling/targets/{id}", Bodies.Json(Bodies.Target())))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var registered = await created.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(2, registered.GetProperty("current").GetInt32());
            Assert.Equal("simulated", registered.GetProperty("kind").GetString());
        }

        using (var policy = await operatorClient.PostAsync($"/api/autoscaling/targets/{id}/policies", Bodies.Json(Bodies.CpuPolicy)))
        {
            Assert.Equal(HttpStatusCode.Created, policy.StatusCode);
        }

        using (var enable = await operatorClient.PostAsJsonAsync("/api/autoscaling/enable", new { enabled = true }))
        {
            Assert.Equal(HttpStatusCode.OK, enable.StatusCode);
        }

        using (var telemetry = await operatorClient.PostAsync($"/api/telemetry/{id}", Bodies.Json(Bodies.Telemetry(150))))
        {
            Assert.Equal(HttpStatusCode.Accepted, telemetry.StatusCode);
            Assert.Equal(2, (await telemetry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32());
        }

        var decision = await events.WaitForAsync(e => e.GetProperty("kind").GetString() == "decision", EventTimeout);
        Assert.Equal("policy:cpu", decision.GetProperty("actor").GetString());
        Assert.Equal(2, decision.GetProperty("from").GetInt32());
        Assert.True(decision.GetProperty("to").GetInt32() > 2);
        var actuated = await events.WaitForAsync(e => e.GetProperty("kind").GetString() == "actuated", EventTimeout);
        var scaledTo = actuated.GetProperty("to").GetInt32();
        Assert.True(scaledTo > 2);

        var target = await viewer.GetFromJsonAsync<JsonElement>($"/api/autoscaling/targets/{id}");
        Assert.Equal(scaledTo, target.GetProperty("current").GetInt32());
        Assert.Equal("actuated", target.GetProperty("lastDecision").GetProperty("kind").GetString());
        // The status and the history say the same about what became of the decision.
        Assert.Equal("succeeded", target.GetProperty("lastDecision").GetProperty("outcome").GetString());
        Assert.True(target.GetProperty("metrics").GetProperty("cpu").GetDouble() > 100);

        var list = await viewer.GetFromJsonAsync<JsonElement>("/api/autoscaling/targets");
        Assert.Contains(list.GetProperty("targets").EnumerateArray(), t => t.GetProperty("id").GetString() == id);

        var status = await viewer.GetFromJsonAsync<JsonElement>("/api/autoscaling/status");
        Assert.True(status.GetProperty("enabled").GetBoolean());
        Assert.Equal("embedded", status.GetProperty("storage").GetString());
        Assert.True(status.GetProperty("silos").GetInt32() >= 1);
        Assert.True(status.GetProperty("targets").GetProperty("total").GetInt32() >= 1);
        Assert.Contains(status.GetProperty("summary").EnumerateArray(), t => t.GetProperty("id").GetString() == id && t.GetProperty("current").GetInt32() == scaledTo);

        var history = await viewer.GetFromJsonAsync<JsonElement>($"/api/autoscaling/history/{id}");
        Assert.Contains(history.GetProperty("events").EnumerateArray(), e => e.GetProperty("id").GetString() == actuated.GetProperty("id").GetString());
        Assert.Contains(history.GetProperty("events").EnumerateArray(),
            e => e.GetProperty("kind").GetString() == "actuated" && e.GetProperty("outcome").GetString() == "succeeded");

        // Manual scale with a reason: accepted, published, and the override shows on the target.
        using (var scale = await operatorClient.PostAsJsonAsync($"/api/autoscaling/targets/{id}/scale", new { replicas = 3, reason = "load test at 14:00" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, scale.StatusCode);
            var manual = await scale.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(3, manual.GetProperty("to").GetInt32());
        }

        var manualEvent = await events.WaitForAsync(e => e.GetProperty("to").GetInt32() == 3 && e.GetProperty("kind").GetString() == "actuated", EventTimeout);
        Assert.Equal(scaledTo, manualEvent.GetProperty("from").GetInt32());
        var pinned = await viewer.GetFromJsonAsync<JsonElement>($"/api/autoscaling/targets/{id}");
        Assert.Equal(3, pinned.GetProperty("override").GetProperty("capacity").GetInt32());
        Assert.Equal("load test at 14:00", pinned.GetProperty("override").GetProperty("reason").GetString());

        // History pages: newest first, one per page, the cursor moves on.
        var first = await viewer.GetFromJsonAsync<JsonElement>($"/api/autoscaling/history/{id}?limit=1");
        var cursor = first.GetProperty("nextCursor").GetString();
        Assert.NotNull(cursor);
        var second = await viewer.GetFromJsonAsync<JsonElement>($"/api/autoscaling/history/{id}?limit=1&cursor={Uri.EscapeDataString(cursor)}");
        var firstEvent = Assert.Single(first.GetProperty("events").EnumerateArray());
        var secondEvent = Assert.Single(second.GetProperty("events").EnumerateArray());
        Assert.NotEqual(firstEvent.GetProperty("id").GetString(), secondEvent.GetProperty("id").GetString());
        Assert.True(firstEvent.GetProperty("at").GetDateTimeOffset() >= secondEvent.GetProperty("at").GetDateTimeOffset());

        using (var cleared = await operatorClient.DeleteAsync($"/api/autoscaling/targets/{id}/scale"))
        {
            Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
            Assert.Equal(JsonValueKind.Null, (await cleared.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("override").ValueKind);
        }

        var recommendations = await viewer.GetFromJsonAsync<JsonElement>("/api/autoscaling/recommendations");
        var recommendation = Assert.Single(recommendations.GetProperty("recommendations").EnumerateArray(), r => r.GetProperty("target").GetString() == id);
        Assert.InRange(recommendation.GetProperty("confidence").GetDouble(), 0, 1);
        Assert.Contains(recommendation.GetProperty("priority").GetString(), new[] { "high", "medium", "low" });
        Assert.True(recommendation.GetProperty("recommended").GetInt32() > 3);

        var costs = await viewer.GetFromJsonAsync<JsonElement>("/api/autoscaling/costs");
        var cost = Assert.Single(costs.GetProperty("byTarget").EnumerateArray(), c => c.GetProperty("target").GetString() == id);
        Assert.Equal(0.05m, cost.GetProperty("unitHourly").GetDecimal());
        Assert.True(costs.GetProperty("hourly").GetDecimal() >= cost.GetProperty("hourly").GetDecimal());
        Assert.Equal("USD", costs.GetProperty("currency").GetString());

        var metrics = await viewer.GetFromJsonAsync<JsonElement>($"/api/autoscaling/targets/{id}/metrics?minutes=15");
        var cpu = Assert.Single(metrics.GetProperty("series").EnumerateArray(), s => s.GetProperty("metric").GetString() == "cpu");
        Assert.Equal(2, cpu.GetProperty("instances").GetInt32());
        Assert.NotEmpty(cpu.GetProperty("points").EnumerateArray());
        var threshold = Assert.Single(metrics.GetProperty("thresholds").EnumerateArray());
        Assert.Equal(50, threshold.GetProperty("target").GetDouble());
        Assert.NotEmpty(metrics.GetProperty("replicas").EnumerateArray());

        using (var evaluate = await operatorClient.PostAsync($"/api/autoscaling/targets/{id}/evaluate", null))
        {
            Assert.Equal(HttpStatusCode.OK, evaluate.StatusCode);
            Assert.Equal(id, (await evaluate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("target").GetString());
        }

        var policies = await viewer.GetFromJsonAsync<JsonElement>($"/api/autoscaling/targets/{id}/policies");
        Assert.Equal("cpu", Assert.Single(policies.GetProperty("policies").EnumerateArray()).GetProperty("name").GetString());
        using (var removedPolicy = await operatorClient.DeleteAsync($"/api/autoscaling/targets/{id}/policies/cpu"))
        {
            Assert.Equal(HttpStatusCode.NoContent, removedPolicy.StatusCode);
        }

        using (var removed = await operatorClient.DeleteAsync($"/api/autoscaling/targets/{id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }

        using var gone = await viewer.GetAsync($"/api/autoscaling/targets/{id}");
        await Problem.AssertAsync(gone, 404);
    }

    [Fact]
    public async Task A_target_can_be_disabled_and_then_refuses_manual_scaling()
    {
        const string id = "happy-toggle";
        using var client = silo.Client(TestKeys.Operator);
        using (await client.PutAsync($"/api/autoscaling/targets/{id}", Bodies.Json(Bodies.Target())))
        {
        }

        using var disabled = await client.PostAsJsonAsync($"/api/autoscaling/targets/{id}/enabled", new { enabled = false, reason = "maintenance" });
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.False((await disabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("enabled").GetBoolean());

        using var refused = await client.PostAsJsonAsync($"/api/autoscaling/targets/{id}/scale", new { replicas = 3, reason = "try" });
        await Problem.AssertAsync(refused, 409);
    }
}
