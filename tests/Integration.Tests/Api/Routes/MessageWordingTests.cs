using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Autoscaler.Integration.Tests.Api.Routes;

/// <summary>Error messages say what a caller did, in the API's words: an unknown field is "unknown field" wherever it
/// appears, a bad query value names the field and the expected kind of value (never a .NET type), and readiness counts
/// rejected telemetry by reason.</summary>
[Collection(RoutesCollection.Name)]
public sealed class MessageWordingTests(RoutesSilo silo)
{
    [Theory]
    [InlineData("""{ "min": 1, "max": 5, "actuator": { "kind": "simulated" }, "replicaz": 3 }""", "replicaz")]
    [InlineData("""{ "min": 1, "max": 5, "actuator": { "kind": "simulated", "region": "x" } }""", "actuator.region")]
    [InlineData("""{ "min": 1, "max": 5, "actuator": { "kind": "simulated" }, "flags": { "enabeld": true } }""", "flags.enabeld")]
    public async Task An_unknown_field_on_a_target_is_called_unknown_field(string body, string field)
    {
        using var client = silo.Client(TestKeys.Operator);

        using var response = await client.PutAsync("/api/autoscaling/targets/wording-target", Bodies.Json(body));

        var problem = await Problem.AssertAsync(response, 400);
        Assert.Equal(["unknown field"], Problem.ErrorsFor(problem, field));
    }

    [Fact]
    public async Task An_unknown_field_on_a_policy_is_called_unknown_field_too()
    {
        using var client = silo.Client(TestKeys.Operator);
        using (var created = await client.PutAsync("/api/autoscaling/targets/wording-policy", Bodies.Json(Bodies.Target())))
        {
            Assert.True(created.IsSuccessStatusCode);
        }

        using var response = await client.PutAsync("/api/autoscaling/targets/wording-policy/policies/cpu", Bodies.Json(
            """{ "name": "cpu", "type": "targetTracking", "metric": "cpu", "target": { "type": "AverageValue", "value": 50 }, "colour": "red" }"""));

        var problem = await Problem.AssertAsync(response, 400);
        Assert.Contains(Problem.ErrorsFor(problem, "colour"), message => message.Contains("unknown field", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/autoscaling/history/any?limit=abc", "limit", "must be a whole number (got 'abc')")]
    [InlineData("/api/autoscaling/targets/any/metrics?minutes=soon", "minutes", "must be a whole number (got 'soon')")]
    public async Task A_bad_query_value_names_the_field_and_the_kind_of_value_not_a_dotnet_type(string path, string field, string message)
    {
        using var client = silo.Client(TestKeys.Viewer);

        using var response = await client.GetAsync(path);

        var problem = await Problem.AssertAsync(response, 400);
        Assert.Equal([message], Problem.ErrorsFor(problem, field));
        Assert.DoesNotContain("Nullable", problem.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Int32", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_counts_rejected_telemetry_by_reason()
    {
        using var client = silo.Client(TestKeys.Operator);
        using (var created = await client.PutAsync("/api/autoscaling/targets/wording-telemetry", Bodies.Json(Bodies.Target())))
        {
            Assert.True(created.IsSuccessStatusCode);
        }

        var before = await RejectedByReasonAsync(client);
        using (var rejected = await client.PostAsync("/api/telemetry/wording-telemetry", Bodies.Json("""{ "metrics": { "cpu": 1 } }""")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        }

        var after = await RejectedByReasonAsync(client);
        Assert.Equal(before["MissingSource"] + 1, after["MissingSource"]);
        Assert.Contains("InvalidJson", after.Keys);
        Assert.Contains("UnknownTarget", after.Keys);
    }

    private static async Task<Dictionary<string, long>> RejectedByReasonAsync(HttpClient client)
    {
        var ready = await client.GetFromJsonAsync<JsonElement>("/health/ready");
        var telemetry = ready.GetProperty("checks").GetProperty("telemetry-ingestion").GetProperty("data").GetProperty("rejectedByReason");
        return telemetry.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
    }
}
