using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Autoscaler.Grains.Interfaces;
using Microsoft.Extensions.DependencyInjection;

namespace Autoscaler.Integration.Tests.Api.Routes;

/// <summary>Budget actions on a real silo: a scope with a tiny budget and a priced target crosses its thresholds, the
/// target's max is lowered through its definition and the change is in the target's history.</summary>
[Collection(RoutesCollection.Name)]
public sealed class BudgetActionRouteTests(RoutesSilo silo)
{
    [Fact]
    public async Task A_tiny_budget_lowers_a_priced_targets_max_and_the_history_says_why()
    {
        const string scope = "budget-actions", id = "budget-priced";
        using var admin = silo.Client(TestKeys.Admin);
        using var limits = await admin.PutAsync($"/api/autoscaling/supervisor?scope={scope}", Bodies.Json(
            """{ "monthlyBudget": 1, "budgetActions": [ { "thresholdPercent": 80, "action": "notify" }, { "thresholdPercent": 95, "action": "reduceMaxCapacity", "step": 3 } ] }"""));
        Assert.Equal(HttpStatusCode.OK, limits.StatusCode);
        using var created = await admin.PutAsync($"/api/autoscaling/targets/{id}", Bodies.Json(
            $$"""{ "min": 1, "max": 10, "initialCapacity": 2, "unitCostPerHour": 1, "scope": "{{scope}}", "actuator": { "kind": "simulated" } }"""));
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());

        var waiting = await silo.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<ISupervisorGrain>(scope).CheckBudgetAsync();

        Assert.Equal(0, waiting);
        var target = await admin.GetFromJsonAsync<JsonElement>($"/api/autoscaling/targets/{id}");
        Assert.Equal(7, target.GetProperty("max").GetInt32());
        var history = await admin.GetFromJsonAsync<JsonElement>($"/api/autoscaling/history/{id}");
        var lines = history.GetProperty("events").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "budget")
            .Select(e => e.GetProperty("explanation")[0].GetString()!).ToList();
        Assert.Contains(lines, l => l.Contains("budget 95 % reached", StringComparison.Ordinal) && l.Contains("max capacity 10 → 7", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("budget 80 % of 1.00 reached", StringComparison.Ordinal));
    }
}
