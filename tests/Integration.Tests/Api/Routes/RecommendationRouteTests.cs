using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Autoscaler.Integration.Tests.Demo;

namespace Autoscaler.Integration.Tests.Api.Routes;

/// <summary>Cost recommendation records over real HTTP on a demo silo: list, apply a schedule end to end, dismiss, errors.</summary>
[Collection(DemoSiloCollection.Name)]
public sealed class RecommendationRouteTests(DemoSilo silo)
{
    private const string Root = "/api/autoscaling/optimize/recommendations";

    [Fact]
    public async Task Applying_a_schedule_sets_the_targets_scheduled_policy_after_a_dry_run_that_changes_nothing()
    {
        var id = silo.Open("mistersmith-gateway", "schedule").GetProperty("id").GetString()!;
        using var operatorClient = silo.Client(TestKeys.Operator);

        using var dry = await operatorClient.PostAsync($"{Root}/{id}/apply", Bodies.Json("""{ "dryRun": true }"""));
        var dryResult = await dry.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        Assert.Equal("dry-run", dryResult.GetProperty("outcome").GetString());
        Assert.Equal("open", dryResult.GetProperty("recommendation").GetProperty("state").GetString());
        Assert.DoesNotContain("optimizer-schedule", await PolicyNamesAsync(operatorClient));

        using var applied = await operatorClient.PostAsync($"{Root}/{id}/apply", Bodies.Json("""{ "reason": "nights are quiet" }"""));
        var result = await applied.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Equal("applied", result.GetProperty("outcome").GetString());
        // The gateway's static minimum of 2 would keep its quiet hours full: the schedule replaces it.
        Assert.Contains("static minimum lowered from 2 to 1", result.GetProperty("message").GetString(), StringComparison.Ordinal);
        var target = await operatorClient.GetFromJsonAsync<JsonElement>("/api/autoscaling/targets/mistersmith-gateway");
        Assert.Equal(1, target.GetProperty("min").GetInt32());
        var record = result.GetProperty("recommendation");
        Assert.Equal(("applied", "user:ops", "nights are quiet"),
            (record.GetProperty("state").GetString(), record.GetProperty("decidedBy").GetString(), record.GetProperty("decisionReason").GetString()));

        using var policy = await operatorClient.GetAsync("/api/autoscaling/targets/mistersmith-gateway/policies/optimizer-schedule");
        var stored = await policy.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("scheduled", stored.GetProperty("type").GetString());
        Assert.Equal(record.GetProperty("proposal").GetProperty("actions").GetArrayLength(), stored.GetProperty("actions").GetArrayLength());

        using var again = await operatorClient.PostAsync($"{Root}/{id}/apply", Bodies.Json("{}"));
        await Problem.AssertAsync(again, 409);
        using var viewer = silo.Client(TestKeys.Viewer);
        var appliedList = await viewer.GetFromJsonAsync<JsonElement>($"{Root}?target=mistersmith-gateway&state=applied");
        Assert.Contains(appliedList.GetProperty("recommendations").EnumerateArray(), r => r.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task Dismissing_needs_a_reason_keeps_who_and_why_and_happens_once()
    {
        var record = silo.Proposed.First(r => r.GetProperty("target").GetString() == "mistersmith-worker" && r.GetProperty("kind").GetString() != "schedule");
        var id = record.GetProperty("id").GetString()!;
        using var operatorClient = silo.Client(TestKeys.Operator);

        using var noReason = await operatorClient.PostAsync($"{Root}/{id}/dismiss", Bodies.Json("{}"));
        Assert.NotEmpty(Problem.ErrorsFor(await Problem.AssertAsync(noReason, 400), "reason"));
        using var dryDismiss = await operatorClient.PostAsync($"{Root}/{id}/dismiss", Bodies.Json("""{ "reason": "x", "dryRun": true }"""));
        Assert.NotEmpty(Problem.ErrorsFor(await Problem.AssertAsync(dryDismiss, 400), "dryRun"));

        using var dismissed = await operatorClient.PostAsync($"{Root}/{id}/dismiss", Bodies.Json("""{ "reason": "we buy capacity yearly" }"""));
        var result = await dismissed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, dismissed.StatusCode);
        Assert.Equal(("dismissed", "we buy capacity yearly"),
            (result.GetProperty("recommendation").GetProperty("state").GetString(), result.GetProperty("recommendation").GetProperty("decisionReason").GetString()));

        using var twice = await operatorClient.PostAsync($"{Root}/{id}/dismiss", Bodies.Json("""{ "reason": "again" }"""));
        await Problem.AssertAsync(twice, 409);
    }

    [Fact]
    public async Task Unknown_ids_bad_queries_bad_bodies_and_low_roles_are_refused()
    {
        var id = silo.Proposed[0].GetProperty("id").GetString()!;
        using var operatorClient = silo.Client(TestKeys.Operator);
        using var viewer = silo.Client(TestKeys.Viewer);
        using var anonymous = silo.Client();

        using var unknownApply = await operatorClient.PostAsync($"{Root}/rec-0000000000000000/apply", Bodies.Json("{}"));
        using var unknownDismiss = await operatorClient.PostAsync($"{Root}/rec-0000000000000000/dismiss", Bodies.Json("""{ "reason": "x" }"""));
        using var badState = await viewer.GetAsync($"{Root}?state=closed");
        using var unknownField = await operatorClient.PostAsync($"{Root}/{id}/apply", Bodies.Json("""{ "reasn": "typo" }"""));
        using var longReason = await operatorClient.PostAsync($"{Root}/{id}/apply", Bodies.Json($$"""{ "reason": "{{new string('x', 501)}}" }"""));
        using var viewerApply = await viewer.PostAsync($"{Root}/{id}/apply", Bodies.Json("{}"));
        using var viewerRecompute = await viewer.PostAsync("/api/autoscaling/optimize/recompute", null);
        using var anonymousList = await anonymous.GetAsync(Root);

        await Problem.AssertAsync(unknownApply, 404);
        await Problem.AssertAsync(unknownDismiss, 404);
        Assert.NotEmpty(Problem.ErrorsFor(await Problem.AssertAsync(badState, 400), "state"));
        Assert.NotEmpty(Problem.ErrorsFor(await Problem.AssertAsync(unknownField, 400), "reasn"));
        Assert.NotEmpty(Problem.ErrorsFor(await Problem.AssertAsync(longReason, 400), "reason"));
        Assert.Equal(HttpStatusCode.Forbidden, viewerApply.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewerRecompute.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousList.StatusCode);
        var list = await viewer.GetFromJsonAsync<JsonElement>($"{Root}?target=mistersmith-supervisor");
        Assert.All(list.GetProperty("recommendations").EnumerateArray(), r => Assert.Equal("mistersmith-supervisor", r.GetProperty("target").GetString()));
    }

    [Fact]
    public void The_recompute_answers_with_its_counts_and_the_first_page_of_open_records()
    {
        var recompute = silo.Recomputed;
        Assert.True(recompute.GetProperty("targets").GetInt32() >= 3, recompute.ToString());
        Assert.Equal(0, recompute.GetProperty("skipped").GetInt32());
        Assert.Equal(silo.Proposed.Count, recompute.GetProperty("open").GetInt32());
        Assert.Equal(recompute.GetProperty("open").GetInt32(), recompute.GetProperty("opened").GetInt32());
        Assert.All(silo.Proposed, r => Assert.Equal("open", r.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task Records_come_a_page_at_a_time_in_one_order_with_the_total_and_a_bad_page_names_its_field()
    {
        using var viewer = silo.Client(TestKeys.Viewer);
        var all = await viewer.GetFromJsonAsync<JsonElement>(Root);
        var total = all.GetProperty("total").GetInt32();
        var ids = all.GetProperty("recommendations").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.True(total >= 4 && ids.Count == total, $"{ids.Count} of {total}");
        Assert.Equal((0, 100), (all.GetProperty("offset").GetInt32(), all.GetProperty("limit").GetInt32()));
        Assert.Equal(JsonValueKind.Null, all.GetProperty("recompute").ValueKind);

        var first = await viewer.GetFromJsonAsync<JsonElement>($"{Root}?limit=2");
        var second = await viewer.GetFromJsonAsync<JsonElement>($"{Root}?limit=2&offset=2");
        var beyond = await viewer.GetFromJsonAsync<JsonElement>($"{Root}?offset={total}");
        Assert.Equal(ids.Take(4), first.GetProperty("recommendations").EnumerateArray().Concat(second.GetProperty("recommendations").EnumerateArray()).Select(r => r.GetProperty("id").GetString()));
        Assert.Equal((total, total), (first.GetProperty("total").GetInt32(), second.GetProperty("total").GetInt32()));
        Assert.Equal(0, beyond.GetProperty("recommendations").GetArrayLength());

        foreach (var (query, field) in new[] { ("limit=0", "limit"), ("limit=1001", "limit"), ("offset=-1", "offset"), ("limit=many", "limit") })
        {
            using var bad = await viewer.GetAsync($"{Root}?{query}");
            Assert.NotEmpty(Problem.ErrorsFor(await Problem.AssertAsync(bad, 400), field));
        }
    }

    private static async Task<IReadOnlyList<string>> PolicyNamesAsync(HttpClient client)
    {
        var list = await client.GetFromJsonAsync<JsonElement>("/api/autoscaling/targets/mistersmith-gateway/policies");
        return [.. list.GetProperty("policies").EnumerateArray().Select(p => p.GetProperty("name").GetString()!)];
    }
}
