using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Autoscaler.Ingestion.Dispatch;
using Microsoft.Extensions.DependencyInjection;

namespace Autoscaler.Integration.Tests.Api.Routes;

/// <summary>What the dashboard's panels read says what it is: a recommendation held back by stabilization is "held"
/// with what the policies want and the line that says why (not "right-size" with a contradicting explanation); a target
/// without data says so; the chart's points sit in their minute with the latest value last.</summary>
[Collection(RoutesCollection.Name)]
public sealed class DashboardViewsTests(RoutesSilo silo)
{
    [Fact]
    public async Task A_scale_in_held_by_the_stabilization_window_is_a_held_recommendation_that_says_why()
    {
        const string id = "views-held";
        using var client = silo.Client(TestKeys.Operator);
        await CreateAsync(client, id, initial: 20, max: 30);
        using (var telemetry = await client.PostAsync($"/api/telemetry/{id}", Bodies.Json(Bodies.Telemetry(5))))
        {
            Assert.True(telemetry.IsSuccessStatusCode);
        }

        var recommendation = await RecommendationAsync(client, id);

        Assert.Equal(20, recommendation.GetProperty("current").GetInt32());
        Assert.Equal(20, recommendation.GetProperty("recommended").GetInt32());
        Assert.True(recommendation.GetProperty("proposed").GetInt32() < 20);
        Assert.Equal("Stabilized", recommendation.GetProperty("limitedBy").GetString());
        Assert.StartsWith("combined:", recommendation.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("low", recommendation.GetProperty("priority").GetString());
        // Priced at what the policies want: fewer units save money.
        Assert.True(recommendation.GetProperty("monthlySavings").GetDecimal() > 0);
    }

    [Fact]
    public async Task A_target_whose_policies_have_no_data_is_a_no_data_recommendation()
    {
        const string id = "views-no-data";
        using var client = silo.Client(TestKeys.Operator);
        await CreateAsync(client, id, initial: 2, max: 10);

        var recommendation = await RecommendationAsync(client, id);

        Assert.Equal("no-data", recommendation.GetProperty("kind").GetString());
        Assert.Equal(recommendation.GetProperty("current").GetInt32(), recommendation.GetProperty("recommended").GetInt32());
    }

    [Fact]
    public async Task Chart_points_sit_in_the_middle_of_their_minute_and_end_with_the_latest_value()
    {
        const string id = "views-chart";
        using var client = silo.Client(TestKeys.Operator);
        await CreateAsync(client, id, initial: 2, max: 10);
        using (var telemetry = await client.PostAsync($"/api/telemetry/{id}", Bodies.Json(
            """[ { "source": "a", "metrics": { "mem": 10 } }, { "source": "b", "metrics": { "mem": 30 } } ]""")))
        {
            Assert.True(telemetry.IsSuccessStatusCode);
        }

        var series = await SeriesAsync(client, id, "mem");
        var metrics = await client.GetFromJsonAsync<JsonElement>($"/api/autoscaling/targets/{id}/metrics?minutes=60");
        var to = DateTimeOffset.Parse(metrics.GetProperty("to").GetString()!, CultureInfo.InvariantCulture);
        var points = series.GetProperty("points").EnumerateArray().ToList();

        Assert.True(points.Count >= 2);
        var latest = points[^1];
        Assert.Equal(20, latest.GetProperty("value").GetDouble());
        var bucket = points[^2];
        Assert.Equal(20, bucket.GetProperty("value").GetDouble());
        var bucketAt = DateTimeOffset.Parse(bucket.GetProperty("at").GetString()!, CultureInfo.InvariantCulture);
        Assert.True(bucketAt <= to);
        Assert.True(to - bucketAt <= TimeSpan.FromSeconds(31), $"the bucket in progress is drawn at {bucketAt:O}, now is {to:O}");
        Assert.True(DateTimeOffset.Parse(latest.GetProperty("at").GetString()!, CultureInfo.InvariantCulture) - to < TimeSpan.FromSeconds(5));
    }

    private static async Task CreateAsync(HttpClient client, string id, int initial, int max)
    {
        using (var created = await client.PutAsync($"/api/autoscaling/targets/{id}", Bodies.Json(Bodies.Target(min: 1, max: max, initial: initial))))
        {
            Assert.True(created.IsSuccessStatusCode);
        }

        using var policy = await client.PutAsync($"/api/autoscaling/targets/{id}/policies/cpu", Bodies.Json(Bodies.CpuPolicy));
        Assert.True(policy.IsSuccessStatusCode);
    }

    /// <summary>The target's recommendation once the telemetry posted so far is applied (it is applied asynchronously:
    /// the dispatcher says when every queue has delivered to its grain).</summary>
    private async Task<JsonElement> RecommendationAsync(HttpClient client, string id)
    {
        await AppliedAsync();
        var list = await client.GetFromJsonAsync<JsonElement>("/api/autoscaling/recommendations");
        return list.GetProperty("recommendations").EnumerateArray().Single(r => r.GetProperty("target").GetString() == id);
    }

    private async Task<JsonElement> SeriesAsync(HttpClient client, string id, string metric)
    {
        await AppliedAsync();
        var metrics = await client.GetFromJsonAsync<JsonElement>($"/api/autoscaling/targets/{id}/metrics?minutes=60");
        return metrics.GetProperty("series").EnumerateArray().Single(s => s.GetProperty("metric").GetString() == metric);
    }

    private Task AppliedAsync() =>
        silo.Factory.Services.GetRequiredService<TelemetryDispatcher>().WhenIdle().WaitAsync(TimeSpan.FromSeconds(20));
}
