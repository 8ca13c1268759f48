using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Autoscaler.Integration.Tests.Api.Routes;

/// <summary><c>POST /api/autoscaling/fleet</c> (bulk registration and declarative apply) and <c>GET .../fleet</c>
/// (export) over real HTTP: one call for many targets, errors keyed by place, scope limits an admin's.</summary>
[Collection(RoutesCollection.Name)]
public sealed class FleetRouteTests(RoutesSilo silo)
{
    private static string Fleet(params string[] targets) => $$"""{ "targets": [ {{string.Join(", ", targets)}} ] }""";

    private static string Target(string id, int max = 10) =>
        $$"""{ "id": "{{id}}", "min": 1, "max": {{max}}, "actuator": { "kind": "simulated" }, "policies": [ {{Bodies.CpuPolicy}} ] }""";

    [Fact]
    public async Task One_call_registers_many_targets_with_their_policies_and_a_second_finds_them_unchanged()
    {
        using var client = silo.Client(TestKeys.Operator);
        var ids = Enumerable.Range(0, 25).Select(i => $"fleet-many-{i}").ToArray();
        var body = Fleet([.. ids.Select(id => Target(id))]);

        using var first = await client.PostAsync("/api/autoscaling/fleet", Bodies.Json(body));
        using var second = await client.PostAsync("/api/autoscaling/fleet", Bodies.Json(body));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var created = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(25, created.GetProperty("summary").GetProperty("create").GetInt32());
        Assert.False(created.GetProperty("dryRun").GetBoolean());
        var unchanged = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(25, unchanged.GetProperty("summary").GetProperty("unchanged").GetInt32());
        var policies = await client.GetFromJsonAsync<JsonElement>($"/api/autoscaling/targets/{ids[7]}/policies");
        Assert.Equal("cpu", policies.GetProperty("policies")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_dry_run_shows_the_changed_fields_and_changes_nothing()
    {
        using var client = silo.Client(TestKeys.Operator);
        using (var created = await client.PostAsync("/api/autoscaling/fleet", Bodies.Json(Fleet(Target("fleet-diff")))))
        {
            Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        }

        using var diff = await client.PostAsync("/api/autoscaling/fleet", Bodies.Json(
            $$"""{ "targets": [ {{Target("fleet-diff", max: 30)}} ], "dryRun": true }"""));

        var change = (await diff.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changes")[0];
        Assert.Equal("update", change.GetProperty("action").GetString());
        var field = change.GetProperty("fields")[0];
        Assert.Equal(("max", "10", "30"), (field.GetProperty("path").GetString(), field.GetProperty("from").GetString(), field.GetProperty("to").GetString()));
        var target = await client.GetFromJsonAsync<JsonElement>("/api/autoscaling/targets/fleet-diff");
        Assert.Equal(10, target.GetProperty("max").GetInt32());
    }

    [Theory]
    [InlineData("""{ "id": "fleet-bad", "min": 5, "max": 2, "actuator": { "kind": "simulated" } }""", "targets[1].max", "must be at least min")]
    [InlineData("""{ "id": "fleet-bad", "min": 1, "max": 2, "actuator": { "kind": "simulated" }, "replicaz": 1 }""", "targets[1].replicaz", "unknown field")]
    [InlineData("""{ "min": 1, "max": 2, "actuator": { "kind": "simulated" } }""", "targets[1].id", "is required")]
    [InlineData("""{ "id": "fleet-bad", "min": 1, "max": 2, "actuator": { "kind": "simulated" }, "policies": [ { "type": "x" } ] }""", "targets[1].policies[0].name", "is required")]
    [InlineData("""{ "id": "fleet-bad", "min": 1, "max": 2, "actuator": { "kind": "simulated" }, "policies": [ { "name": "cpu", "type": "targetTracking", "metric": "cpu", "target": { "type": "AverageValue", "value": -1 } } ] }""", "targets[1].policies[0].target.value", "must be positive")]
    public async Task An_invalid_target_is_named_by_its_place_and_nothing_is_applied(string bad, string field, string message)
    {
        using var client = silo.Client(TestKeys.Operator);

        using var response = await client.PostAsync("/api/autoscaling/fleet", Bodies.Json(Fleet(Target("fleet-good-before-bad"), bad)));

        var problem = await Problem.AssertAsync(response, 400);
        Assert.Contains(Problem.ErrorsFor(problem, field), m => m.Contains(message, StringComparison.Ordinal));
        using var lookup = await client.GetAsync("/api/autoscaling/targets/fleet-good-before-bad");
        await Problem.AssertAsync(lookup, 404);
    }

    [Fact]
    public async Task Scope_limits_in_a_fleet_need_an_admin()
    {
        const string body = """{ "supervisors": [ { "scope": "fleet-scope", "monthlyBudget": 100 } ] }""";
        using var operatorClient = silo.Client(TestKeys.Operator);
        using var admin = silo.Client(TestKeys.Admin);

        using var refused = await operatorClient.PostAsync("/api/autoscaling/fleet", Bodies.Json(body));
        using var applied = await admin.PostAsync("/api/autoscaling/fleet", Bodies.Json(body));

        await Problem.AssertAsync(refused, 403);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        var scope = await admin.GetFromJsonAsync<JsonElement>("/api/autoscaling/supervisor?scope=fleet-scope");
        Assert.Equal(100, scope.GetProperty("limits").GetProperty("monthlyBudget").GetDecimal());
    }

    [Fact]
    public async Task Budget_actions_of_a_scope_are_applied_exported_and_validated_by_their_place()
    {
        const string actions = """[ { "thresholdPercent": 80, "action": "notify" }, { "thresholdPercent": 95, "action": "reduceMaxCapacity", "step": 2 } ]""";
        using var admin = silo.Client(TestKeys.Admin);

        using var bad = await admin.PostAsync("/api/autoscaling/fleet", Bodies.Json(
            """{ "supervisors": [ { "scope": "fleet-budget", "monthlyBudget": 100, "budgetActions": [ { "thresholdPercent": 95, "action": "reduceMaxCapacity" } ] } ] }"""));
        using var applied = await admin.PostAsync("/api/autoscaling/fleet", Bodies.Json(
            $$"""{ "targets": [ { "id": "fleet-budget-target", "min": 1, "max": 4, "actuator": { "kind": "simulated" }, "scope": "fleet-budget" } ], "supervisors": [ { "scope": "fleet-budget", "monthlyBudget": 100, "budgetActions": {{actions}} } ] }"""));

        var problem = await Problem.AssertAsync(bad, 400);
        Assert.NotEmpty(Problem.ErrorsFor(problem, "supervisors[0].budgetActions[0].step"));
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        var scope = await admin.GetFromJsonAsync<JsonElement>("/api/autoscaling/supervisor?scope=fleet-budget");
        var configured = scope.GetProperty("limits").GetProperty("budgetActions");
        Assert.Equal(("reduceMaxCapacity", 2), (configured[1].GetProperty("action").GetString(), configured[1].GetProperty("step").GetInt32()));
        var export = await admin.GetFromJsonAsync<JsonElement>("/api/autoscaling/fleet");
        var exported = export.GetProperty("supervisors").EnumerateArray().Single(s => s.GetProperty("scope").GetString() == "fleet-budget");
        Assert.Equal(95, exported.GetProperty("budgetActions")[1].GetProperty("thresholdPercent").GetDouble());
    }

    [Fact]
    public async Task An_operator_may_apply_files_that_declare_scopes_as_they_are_but_not_change_them()
    {
        using var operatorClient = silo.Client(TestKeys.Operator);
        var export = await operatorClient.GetFromJsonAsync<JsonElement>("/api/autoscaling/fleet");
        var scope = export.GetProperty("supervisors").EnumerateArray().Single(s => s.GetProperty("scope").GetString() == "default").GetRawText();

        using var applied = await operatorClient.PostAsync("/api/autoscaling/fleet", Bodies.Json(
            $$"""{ "targets": [ {{Target("fleet-operator-scope")}} ], "supervisors": [ {{scope}} ] }"""));
        using var changed = await operatorClient.PostAsync("/api/autoscaling/fleet", Bodies.Json(
            """{ "supervisors": [ { "scope": "default", "maxTotalCapacity": 7 } ] }"""));

        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        var changes = (await applied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changes").EnumerateArray()
            .Select(c => (c.GetProperty("kind").GetString(), c.GetProperty("name").GetString(), c.GetProperty("action").GetString()));
        Assert.Equal([("Supervisor", "default", "unchanged"), ("Target", "fleet-operator-scope", "create")], changes);
        await Problem.AssertAsync(changed, 403);
        var after = await operatorClient.GetFromJsonAsync<JsonElement>("/api/autoscaling/fleet");
        Assert.Equal(scope, after.GetProperty("supervisors").EnumerateArray().Single(s => s.GetProperty("scope").GetString() == "default").GetRawText());
    }

    [Fact]
    public async Task The_export_holds_every_target_with_its_policies_in_the_form_apply_reads()
    {
        using var client = silo.Client(TestKeys.Operator);
        using (var created = await client.PostAsync("/api/autoscaling/fleet", Bodies.Json(Fleet(Target("fleet-export", max: 7)))))
        {
            Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        }

        var export = await client.GetFromJsonAsync<JsonElement>("/api/autoscaling/fleet");
        var target = export.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "fleet-export");
        Assert.Equal(7, target.GetProperty("max").GetInt32());
        Assert.Equal("cpu", target.GetProperty("policies")[0].GetProperty("name").GetString());
        Assert.Contains(export.GetProperty("supervisors").EnumerateArray(), s => s.GetProperty("scope").GetString() == "default");

        using var reapplied = await client.PostAsync("/api/autoscaling/fleet", Bodies.Json(
            $$"""{ "targets": [ {{target.GetRawText()}} ], "dryRun": true }"""));
        var change = (await reapplied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changes")[0];
        Assert.Equal("unchanged", change.GetProperty("action").GetString());
    }

    [Fact]
    public async Task A_single_target_body_may_declare_its_whole_policy_set()
    {
        using var client = silo.Client(TestKeys.Operator);

        using var response = await client.PutAsync("/api/autoscaling/targets/fleet-put", Bodies.Json(Target("fleet-put")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var policies = await client.GetFromJsonAsync<JsonElement>("/api/autoscaling/targets/fleet-put/policies");
        Assert.Equal(1, policies.GetProperty("policies").GetArrayLength());
    }
}
