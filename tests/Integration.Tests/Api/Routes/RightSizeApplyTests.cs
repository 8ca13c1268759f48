using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Integration.Tests.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Autoscaler.Integration.Tests.Api.Routes;

/// <summary>
/// Applying a right-size goes through the target's size grain (<see cref="ITargetSizeGrain"/>) and its simulated actuator:
/// afterwards the recorded size is the recommended one and the record is applied, and the target's live cost is priced
/// by that size (the demo's sizes are configured, so it was priced by size before too).
/// </summary>
[Collection(DemoSiloCollection.Name)]
public sealed class RightSizeApplyTests(DemoSilo silo)
{
    [Fact]
    public async Task Applying_a_right_size_changes_the_recorded_size_of_a_simulated_target()
    {
        var recommendation = silo.Open("mistersmith-supervisor", "right-size");
        var id = recommendation.GetProperty("id").GetString()!;
        var proposal = recommendation.GetProperty("proposal");
        using var operatorClient = silo.Client(TestKeys.Operator);

        using var response = await operatorClient.PostAsync($"/api/autoscaling/optimize/recommendations/{id}/apply", Bodies.Json("""{ "reason": "memory is barely used" }"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("applied", result.GetProperty("outcome").GetString());
        var size = await silo.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<ITargetSizeGrain>("mistersmith-supervisor").GetAsync();
        Assert.Equal((proposal.GetProperty("vcpu").GetDouble(), proposal.GetProperty("memoryGiB").GetDouble()), (size.Vcpu, size.MemoryGiB));
        Assert.Equal("applied", size.Source);

        // The size grain pushed the size to the target: /costs and the target show the price of one instance-hour at it
        // (Fargate us-east-1 defaults: vCPU × 0.04048 + GiB × 0.004445).
        var hourly = Math.Round((decimal)((size.Vcpu!.Value * 0.04048) + (size.MemoryGiB!.Value * 0.004445)), 8);
        var costs = await operatorClient.GetFromJsonAsync<JsonElement>("/api/autoscaling/costs");
        var cost = costs.GetProperty("byTarget").EnumerateArray().Single(t => t.GetProperty("target").GetString() == "mistersmith-supervisor");
        Assert.Equal(("size", "applied", size.Vcpu.Value, size.MemoryGiB.Value, hourly),
            (cost.GetProperty("pricedBy").GetString(), cost.GetProperty("sizeSource").GetString(), cost.GetProperty("vcpu").GetDouble(),
             cost.GetProperty("memoryGiB").GetDouble(), cost.GetProperty("unitHourly").GetDecimal()));
        var target = await operatorClient.GetFromJsonAsync<JsonElement>("/api/autoscaling/targets/mistersmith-supervisor");
        Assert.Equal(("size", hourly), (target.GetProperty("pricedBy").GetString(), target.GetProperty("instancePricePerHour").GetDecimal()));
    }

    [Fact]
    public async Task A_configured_size_prices_a_demo_target_before_any_change()
    {
        using var viewer = silo.Client(TestKeys.Viewer);
        var costs = await viewer.GetFromJsonAsync<JsonElement>("/api/autoscaling/costs");
        var gateway = costs.GetProperty("byTarget").EnumerateArray().Single(t => t.GetProperty("target").GetString() == "mistersmith-gateway");

        // The demo configures the gateway at 1 vCPU / 2 GiB: 0.04048 + 2 × 0.004445 = 0.04937 per instance-hour, not its unit price 0.0988.
        Assert.Equal(("size", "configured", 0.04937m), (gateway.GetProperty("pricedBy").GetString(), gateway.GetProperty("sizeSource").GetString(), gateway.GetProperty("unitHourly").GetDecimal()));
    }
}
