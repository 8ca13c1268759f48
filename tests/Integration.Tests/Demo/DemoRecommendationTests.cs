using System.Text.Json;

namespace Autoscaler.Integration.Tests.Demo;

/// <summary>What a newcomer sees on <c>--demo</c>: right-size and schedule recommendations with savings, each with its chart.</summary>
[Collection(DemoSiloCollection.Name)]
public sealed class DemoRecommendationTests(DemoSilo silo)
{
    [Fact]
    public void A_demo_silo_proposes_a_right_size_and_a_schedule_with_savings_and_the_charts_that_justify_them()
    {
        var rightSize = silo.Proposed.Where(r => r.GetProperty("kind").GetString() == "right-size").ToList();
        var schedules = silo.Proposed.Where(r => r.GetProperty("kind").GetString() == "schedule").ToList();

        Assert.Contains(rightSize, r => r.GetProperty("monthlySavings").GetDouble() > 0);
        Assert.Contains(schedules, r => r.GetProperty("monthlySavings").GetDouble() > 0);
        Assert.All(rightSize, r =>
        {
            Assert.Equal("usage-histogram", r.GetProperty("chart").GetProperty("type").GetString());
            Assert.True(r.GetProperty("proposal").GetProperty("vcpu").GetDouble() > 0);
            Assert.NotEmpty(r.GetProperty("explanation").EnumerateArray());
        });
        Assert.All(schedules, r =>
        {
            Assert.Equal(168, r.GetProperty("chart").GetProperty("hours").GetArrayLength());
            Assert.Equal("scheduled", r.GetProperty("proposal").GetProperty("type").GetString());
        });
        Assert.All(silo.Proposed, r =>
        {
            Assert.Equal("open", r.GetProperty("state").GetString());
            Assert.StartsWith("rec-", r.GetProperty("id").GetString(), StringComparison.Ordinal);
            Assert.True(r.GetProperty("confidenceDays").GetDouble() >= 13);
        });
    }
}
