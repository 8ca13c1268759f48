using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Integration.Tests.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Autoscaler.Integration.Tests.Api.Routes;

/// <summary>
/// Applying a right-size goes through the target's size grain (<see cref="ITargetSizeGrain"/>) and its simulated actuator:
/// afterwards the recorded size is the recommended one and the record is applied.
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
    }
}
