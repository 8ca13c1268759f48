using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Autoscaler.Integration.Tests.Api.Routes;

/// <summary>The engine over HTTP with no cluster state: policy validation and simulation, errors naming field paths.</summary>
[Collection(RoutesCollection.Name)]
public sealed class EngineRouteTests(RoutesSilo silo)
{
    private const string Simulation = """
        {
          "target": { "current": 2, "min": 1, "max": 10 },
          "policies": [ { "name": "cpu", "type": "targetTracking", "metric": "cpu", "target": { "type": "AverageValue", "value": 50 } } ],
          "evaluationIntervalSeconds": 60,
          "unitCostPerHour": 0.1,
          "trace": [
            { "at": "2026-01-01T12:00:00Z", "metrics": { "cpu": { "value": 100 } } },
            { "at": "2026-01-01T12:01:00Z", "metrics": { "cpu": { "value": 400 } } },
            { "at": "2026-01-01T12:02:00Z", "metrics": { "cpu": { "value": 400 } } }
          ]
        }
        """;

    [Fact]
    public async Task Simulate_returns_the_engines_decisions_timeline_and_summary()
    {
        using var client = silo.Client(TestKeys.Viewer);

        using var response = await client.PostAsync("/api/autoscaling/simulate", Bodies.Json(Simulation));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Object, result.ValueKind);
        var text = result.GetRawText();
        Assert.Contains("\"summary\"", text, StringComparison.Ordinal);
        Assert.Contains("\"desired\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_names_the_offending_field()
    {
        using var client = silo.Client(TestKeys.Viewer);

        using var response = await client.PostAsync("/api/autoscaling/simulate", Bodies.Json(Simulation.Replace("\"evaluationIntervalSeconds\": 60", "\"evaluationIntervalSeconds\": 0", StringComparison.Ordinal)));

        var problem = await Problem.AssertAsync(response, 400);
        Assert.NotEmpty(Problem.ErrorsFor(problem, "evaluationIntervalSeconds"));
    }

    [Fact]
    public async Task Validate_accepts_a_good_policy_file_and_lists_its_policies()
    {
        using var client = silo.Client(TestKeys.Viewer);
        const string file = """{ "policies": [ { "name": "cpu", "type": "targetTracking", "metric": "cpu", "target": { "type": "Utilization", "value": 60 } } ] }""";

        using var response = await client.PostAsync("/api/autoscaling/policies/validate", Bodies.Json(file));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(result.GetProperty("valid").GetBoolean());
        Assert.Equal("cpu", Assert.Single(result.GetProperty("policies").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task Validate_names_overlapping_steps_by_path()
    {
        using var client = silo.Client(TestKeys.Viewer);
        const string file = """
            { "policies": [ { "name": "q", "type": "stepScaling", "metric": "queue", "threshold": 100, "adjustmentType": "ChangeInCapacity",
              "steps": [ { "lower": 0, "upper": 50, "adjustment": 1 }, { "lower": 40, "upper": null, "adjustment": 2 } ] } ] }
            """;

        using var response = await client.PostAsync("/api/autoscaling/policies/validate", Bodies.Json(file));

        var problem = await Problem.AssertAsync(response, 400);
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => e.Name.StartsWith("policies[0].steps", StringComparison.Ordinal));
    }
}
