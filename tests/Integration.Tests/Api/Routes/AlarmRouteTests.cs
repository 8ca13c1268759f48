using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Autoscaler.Integration.Tests.Api.Routes;

/// <summary>The alarm routes on a real silo: create, read, set-state with its event on the stream and its history,
/// mute, delete, errors naming the field, the offline engine and the bundled sets.</summary>
[Collection(RoutesCollection.Name)]
public sealed class AlarmRouteTests(RoutesSilo silo)
{
    private static string Alarm(string name, string target, string extra = "") => $$"""
        { "name": "{{name}}", "target": "{{target}}", "severity": "critical", "metric": "cpu", "statistic": "Average",
          "periodSeconds": 60, "evaluationPeriods": 3, "datapointsToAlarm": 2, "threshold": 90,
          "comparison": "GreaterThanThreshold", "treatMissingData": "ignore" {{extra}} }
        """;

    private async Task<HttpClient> OperatorWithTargetAsync(string target)
    {
        var client = silo.Client(TestKeys.Operator);
        using var created = await client.PutAsync($"/api/autoscaling/targets/{target}", Bodies.Json(Bodies.Target()));
        Assert.True(created.IsSuccessStatusCode);
        return client;
    }

    [Fact]
    public async Task An_alarm_is_created_read_set_to_alarm_with_an_event_and_history_muted_and_deleted()
    {
        using var client = await OperatorWithTargetAsync("alarm-route-t1");
        await using var events = await EventStream.OpenAsync(silo.Client(TestKeys.Viewer), "alarm-route-t1");

        using var created = await client.PutAsync("/api/autoscaling/alarms/route-cpu", Bodies.Json(Alarm("route-cpu", "alarm-route-t1")));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var replaced = await client.PutAsync("/api/autoscaling/alarms/route-cpu", Bodies.Json(Alarm("route-cpu", "alarm-route-t1")));
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);

        var view = await silo.Client(TestKeys.Viewer).GetFromJsonAsync<JsonElement>("/api/autoscaling/alarms/route-cpu");
        Assert.Equal(("INSUFFICIENT_DATA", "metric", 90.0), (view.GetProperty("state").GetString(), view.GetProperty("kind").GetString(), view.GetProperty("threshold").GetDouble()));
        Assert.Equal(2, view.GetProperty("definition").GetProperty("datapointsToAlarm").GetInt32());

        using var set = await client.PostAsJsonAsync("/api/autoscaling/alarms/route-cpu/state", new { state = "ALARM", reason = "testing the pager" });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var published = await events.WaitForAsync(e => e.GetProperty("alarm").GetString() == "route-cpu", TimeSpan.FromSeconds(20), "alarm");
        Assert.Equal(["id", "alarm", "target", "at", "severity", "from", "to", "reason"], published.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("INSUFFICIENT_DATA", "ALARM", "critical", "Set by operator: testing the pager"),
            (published.GetProperty("from").GetString(), published.GetProperty("to").GetString(), published.GetProperty("severity").GetString(), published.GetProperty("reason").GetString()));

        var history = await client.GetFromJsonAsync<JsonElement>("/api/autoscaling/alarms/route-cpu/history?limit=10");
        var entry = history.GetProperty("entries")[0];
        Assert.Equal(("state", "ALARM"), (entry.GetProperty("kind").GetString(), entry.GetProperty("to").GetString()));

        using var muted = await client.PostAsJsonAsync("/api/autoscaling/alarms/route-cpu/mute", new { until = DateTimeOffset.UtcNow.AddHours(1), reason = "maintenance" });
        Assert.True((await muted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("muted").GetBoolean());
        var list = await client.GetFromJsonAsync<JsonElement>("/api/autoscaling/alarms?target=alarm-route-t1");
        Assert.Equal(1, list.GetProperty("states").GetProperty("ALARM").GetInt32());

        using var deleted = await client.DeleteAsync("/api/autoscaling/alarms/route-cpu");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await Problem.AssertAsync(await client.GetAsync("/api/autoscaling/alarms/route-cpu"), 404);
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_the_field_and_changes_nothing()
    {
        using var client = await OperatorWithTargetAsync("alarm-route-t2");
        using var ok = await client.PutAsync("/api/autoscaling/alarms/route-bad", Bodies.Json(Alarm("route-bad", "alarm-route-t2")));
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);

        var tooMany = await Problem.AssertAsync(
            await client.PutAsync("/api/autoscaling/alarms/route-bad", Bodies.Json(Alarm("route-bad", "alarm-route-t2").Replace("\"datapointsToAlarm\": 2", "\"datapointsToAlarm\": 4", StringComparison.Ordinal))), 400);
        var mismatch = await Problem.AssertAsync(await client.PutAsync("/api/autoscaling/alarms/route-bad", Bodies.Json(Alarm("other", "alarm-route-t2"))), 400);
        var badName = await Problem.AssertAsync(await client.GetAsync("/api/autoscaling/alarms/bad.name"), 400);
        var badState = await Problem.AssertAsync(await client.PostAsJsonAsync("/api/autoscaling/alarms/route-bad/state", new { state = "RED", reason = "x" }), 400);
        var noReason = await Problem.AssertAsync(await client.PostAsJsonAsync("/api/autoscaling/alarms/route-bad/mute", new { until = DateTimeOffset.UtcNow.AddHours(1) }), 400);

        Assert.Equal(["must be between 1 and evaluationPeriods (3)"], Problem.ErrorsFor(tooMany, "datapointsToAlarm"));
        Assert.NotEmpty(Problem.ErrorsFor(mismatch, "name"));
        Assert.NotEmpty(Problem.ErrorsFor(badName, "name"));
        Assert.NotEmpty(Problem.ErrorsFor(badState, "state"));
        Assert.NotEmpty(Problem.ErrorsFor(noReason, "reason"));
        var stored = await client.GetFromJsonAsync<JsonElement>("/api/autoscaling/alarms/route-bad");
        Assert.Equal(2, stored.GetProperty("definition").GetProperty("datapointsToAlarm").GetInt32());
        await Problem.AssertAsync(await client.PostAsJsonAsync("/api/autoscaling/alarms/nobody/state", new { state = "OK", reason = "x" }), 404);
    }

    [Fact]
    public async Task The_offline_engine_answers_the_contracts_examples_and_names_bad_fields()
    {
        using var client = silo.Client(TestKeys.Viewer);
        const string Evaluate = """
            { "alarm": { "name": "HighCPUUtilization", "metric": "cpu", "statistic": "Average", "periodSeconds": 300, "evaluationPeriods": 3,
                         "datapointsToAlarm": 3, "threshold": 90, "comparison": "GreaterThanThreshold", "treatMissingData": "missing", "severity": "critical" },
              "state": "OK", "datapoints": [ 91.0, null, 95.5, null, 97.1 ] }
            """;

        var result = await (await client.PostAsync("/api/autoscaling/alarms/evaluate", Bodies.Json(Evaluate))).Content.ReadFromJsonAsync<JsonElement>();
        var composite = await (await client.PostAsync("/api/autoscaling/alarms/composite", Bodies.Json(
            """{ "rule": "ALARM(A) AND NOT ALARM(B)", "states": { "A": "ALARM", "B": "OK" } }"""))).Content.ReadFromJsonAsync<JsonElement>();
        var invalid = await Problem.AssertAsync(await client.PostAsync("/api/autoscaling/alarms/composite", Bodies.Json("""{ "rule": "ALARM(A) AND", "states": {} }""")), 400);

        Assert.Equal("ALARM", result.GetProperty("state").GetString());
        Assert.StartsWith("Threshold Crossed: 3 out of the last 3 datapoints [97.1, 95.5, 91.0]", result.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("ALARM", composite.GetProperty("state").GetString());
        Assert.StartsWith("column 13:", Problem.ErrorsFor(invalid, "rule")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bundled_set_is_applied_to_a_target()
    {
        using var client = await OperatorWithTargetAsync("alarm-route-t3");

        var templates = await client.GetFromJsonAsync<JsonElement>("/api/autoscaling/alarms/templates");
        using var applied = await client.PostAsJsonAsync("/api/autoscaling/alarms/templates/mistersmith-warning/apply", new { target = "alarm-route-t3" });
        var unknownTarget = await Problem.AssertAsync(await client.PostAsJsonAsync("/api/autoscaling/alarms/templates/mistersmith-warning/apply", new { }), 400);

        Assert.Contains("mistersmith-critical", templates.EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        var names = (await applied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alarms").EnumerateArray().Select(a => a.GetProperty("name").GetString()).ToList();
        Assert.Equal(["alarm-route-t3-ModerateResourceUtilization", "alarm-route-t3-QueueDepthIncreasing", "alarm-route-t3-AgentUtilizationHigh"], names);
        Assert.NotEmpty(Problem.ErrorsFor(unknownTarget, "target"));
    }
}
