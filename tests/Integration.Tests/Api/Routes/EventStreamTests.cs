using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Autoscaler.Integration.Tests.Api.Routes;

/// <summary>The SSE stream: keep-alive comments, the target filter, one JSON data line per event in the contract's shape.</summary>
[Collection(RoutesCollection.Name)]
public sealed class EventStreamTests(RoutesSilo silo)
{
    [Fact]
    public async Task An_idle_stream_sends_heartbeat_comments()
    {
        await using var events = await EventStream.OpenAsync(silo.Client(TestKeys.Viewer));

        await events.WaitForCommentAsync(": ping", TimeSpan.FromSeconds(10));

        Assert.Contains(": connected", events.Comments);
    }

    [Fact]
    public async Task The_target_filter_passes_only_that_targets_events_in_the_contract_shape()
    {
        using var client = silo.Client(TestKeys.Operator);
        foreach (var id in new[] { "stream-a", "stream-b" })
        {
            using var created = await client.PutAsync($"/api/autoscaling/targets/{id}", Bodies.Json(Bodies.Target()));
            Assert.True(created.IsSuccessStatusCode);
        }

        await using var onlyB = await EventStream.OpenAsync(silo.Client(TestKeys.Viewer), "stream-b");
        using (var a = await client.PostAsJsonAsync("/api/autoscaling/targets/stream-a/scale", new { replicas = 4, reason = "filter test" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, a.StatusCode);
        }

        using (var b = await client.PostAsJsonAsync("/api/autoscaling/targets/stream-b/scale", new { capacity = 5, reason = "filter test" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, b.StatusCode);
        }

        // Events arrive in publication order: stream-a's came first, so the first one seen must already be stream-b's.
        var first = await onlyB.WaitForAsync(_ => true, TimeSpan.FromSeconds(20));
        Assert.Equal("stream-b", first.GetProperty("target").GetString());
        var names = first.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(["id", "target", "at", "kind", "from", "to", "actor", "dryRun", "explanation", "decisionId"], names);
        Assert.Equal(JsonValueKind.Array, first.GetProperty("explanation").ValueKind);

        // The decision and its outcome are two events: each has its own id, both name the decision.
        var outcome = await onlyB.WaitForAsync(e => e.GetProperty("kind").GetString() == "actuated", TimeSpan.FromSeconds(20));
        Assert.NotEqual(first.GetProperty("id").GetString(), outcome.GetProperty("id").GetString());
        Assert.Equal(first.GetProperty("decisionId").GetString(), outcome.GetProperty("decisionId").GetString());
        Assert.Equal(first.GetProperty("id").GetString(), first.GetProperty("decisionId").GetString());
    }
}
