using Autoscaler.Integration.Tests.Api;
using Autoscaler.Integration.Tests.Demo;

namespace Autoscaler.Integration.Tests.Cli;

/// <summary><c>autoscaler optimize recommendations|apply|dismiss</c> against a running demo silo.</summary>
[Collection(DemoSiloCollection.Name)]
public sealed class CliRecommendationTests(DemoSilo silo)
{
    private string Url => silo.BaseAddress.ToString();

    [Fact]
    public async Task Lists_one_targets_records_as_json_and_as_a_table()
    {
        var json = await CliRun.InvokeAsync("optimize", "recommendations", "--target", "mistersmith-gateway", "-o", "json", "--url", Url, "--token", TestKeys.Viewer);
        var table = await CliRun.InvokeAsync("optimize", "recommendations", "--state", "open", "--url", Url, "--token", TestKeys.Viewer);

        Assert.True(json.ExitCode == 0, json.ToString());
        var records = json.Json().GetProperty("recommendations").EnumerateArray().ToList();
        Assert.NotEmpty(records);
        Assert.All(records, r => Assert.Equal("mistersmith-gateway", r.GetProperty("target").GetString()));
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("monthlySavings", table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_through_the_records_saying_where_the_next_page_starts_and_refuses_a_bad_limit()
    {
        var first = await CliRun.InvokeAsync("optimize", "recommendations", "--limit", "2", "--url", Url, "--token", TestKeys.Viewer);
        var second = await CliRun.InvokeAsync("optimize", "recommendations", "--limit", "2", "--offset", "2", "-o", "json", "--url", Url, "--token", TestKeys.Viewer);
        var bad = await CliRun.InvokeAsync("optimize", "recommendations", "--limit", "0", "--url", Url, "--token", TestKeys.Viewer);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Matches(@"records 1-2 of \d+: --offset 2 for the next page", first.Output);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal((2, 2), (second.Json().GetProperty("offset").GetInt32(), second.Json().GetProperty("recommendations").GetArrayLength()));
        Assert.True(bad.ExitCode != 0, bad.ToString());
        Assert.Contains("limit", bad.Output + bad.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dismisses_with_a_reason_and_reports_unknown_ids_and_a_missing_reason_with_their_exit_codes()
    {
        var record = silo.Proposed.First(r => r.GetProperty("target").GetString() == "mistersmith-supervisor" && r.GetProperty("kind").GetString() != "right-size");
        var id = record.GetProperty("id").GetString()!;

        var dismissed = await CliRun.InvokeAsync("optimize", "dismiss", id, "--reason", "not this quarter", "--url", Url, "--token", TestKeys.Operator);
        var unknown = await CliRun.InvokeAsync("optimize", "apply", "rec-0000000000000000", "--dry-run", "--url", Url, "--token", TestKeys.Operator);
        var noReason = await CliRun.InvokeAsync("optimize", "dismiss", id, "--url", Url, "--token", TestKeys.Operator);
        var viewer = await CliRun.InvokeAsync("optimize", "recompute", "--url", Url, "--token", TestKeys.Viewer);

        Assert.True(dismissed.ExitCode == 0, dismissed.ToString());
        Assert.Contains($"{id}: dismissed", dismissed.Output, StringComparison.Ordinal);
        Assert.True(unknown.ExitCode == 4, unknown.ToString());
        Assert.True(noReason.ExitCode == 2, noReason.ToString());
        Assert.True(viewer.ExitCode == 3, viewer.ToString());
    }
}
