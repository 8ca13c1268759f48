using System.Text.Json;
using Autoscaler.Integration.Tests.Api;

namespace Autoscaler.Integration.Tests.Cli;

/// <summary>
/// The remote commands against the real silo over HTTP, coded against the REST contract
/// (src/Silo/Api/DashboardContract.md and the route list): target lifecycle, policies, manual scale, switches, history,
/// recommendations, watch. Authentication failures are checked on the security layer that exists today.
/// </summary>
public sealed class CliRemoteTests(CliSiloFixture silo) : IClassFixture<CliSiloFixture>
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(30);

    private string Url => silo.BaseUrl.ToString();

    [Fact]
    public async Task A_wrong_token_exits_3_with_one_line_and_no_output()
    {
        var run = await CliRun.InvokeAsync("status", "--url", Url, "--token", TestKeys.Wrong);

        Assert.True(run.ExitCode == 3, run.ToString());
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("autoscaler: 401", line, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task No_token_exits_3_and_a_viewer_changing_capacity_exits_3_too()
    {
        var anonymous = await CliRun.InvokeAsync("targets", "--url", Url);
        var viewer = await CliRun.InvokeAsync("scale", "any-target", "3", "--reason", "test", "--url", Url, "--token", TestKeys.Viewer);

        Assert.True(anonymous.ExitCode == 3, anonymous.ToString());
        Assert.True(viewer.ExitCode == 3, viewer.ToString());
        Assert.StartsWith("autoscaler: 403", Assert.Single(viewer.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_file_exits_2_naming_the_option_and_contacts_no_server()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"absent-{Guid.NewGuid():N}", "target.json");

        var run = await CliRun.InvokeAsync(["targets", "apply", "-f", missing, "--url", Url, "--token", TestKeys.Admin]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith($"autoscaler: --file: cannot read {missing}", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Output);
    }

    [Fact]
    public async Task A_target_is_applied_given_policies_scaled_listed_in_history_and_deleted()
    {
        using var files = new TempFiles();
        var id = $"cli-{Guid.NewGuid():N}"[..14];
        var targetFile = files.Write($$"""
            { "id": "{{id}}", "min": 1, "max": 10, "initialCapacity": 2, "actuator": { "kind": "simulated", "settings": {} },
              "unitCostPerHour": 0.05, "evaluationIntervalSeconds": 15 }
            """);
        var policyFile = files.Write("""{ "name": "cpu", "type": "targetTracking", "metric": "cpu", "target": { "type": "AverageValue", "value": 50 } }""");
        string[] admin = ["--url", Url, "--token", TestKeys.Admin];

        var applied = await CliRun.InvokeAsync(["targets", "apply", "-f", targetFile, .. admin]);
        Assert.True(applied.ExitCode == 0, applied.ToString());
        Assert.Contains(id, applied.Output, StringComparison.Ordinal);

        var policy = await CliRun.InvokeAsync(["policies", "apply", id, "-f", policyFile, .. admin]);
        Assert.True(policy.ExitCode == 0, policy.ToString());
        var policies = await CliRun.InvokeAsync(["policies", "list", id, "--output", "json", .. admin]);
        Assert.True(policies.ExitCode == 0, policies.ToString());
        Assert.Equal("cpu", Assert.Single(policies.Json().GetProperty("policies").EnumerateArray()).GetProperty("name").GetString());

        var scaled = await CliRun.InvokeAsync(["scale", id, "5", "--reason", "load test", "--expires", "30m", "--output", "json", .. admin]);
        Assert.True(scaled.ExitCode == 0, scaled.ToString());
        Assert.Equal(5, scaled.Json().GetProperty("to").GetInt32());

        var target = await CliRun.InvokeAsync(["targets", "get", id, "--output", "json", .. admin]);
        Assert.True(target.ExitCode == 0, target.ToString());
        Assert.Equal((id, 5), (target.Json().GetProperty("id").GetString(), target.Json().GetProperty("current").GetInt32()));

        var list = await CliRun.InvokeAsync(["targets", .. admin]);
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains(id, list.Output, StringComparison.Ordinal);

        var history = await CliRun.InvokeAsync(["history", id, "--since", "1h", "--limit", "10", "--output", "json", .. admin]);
        Assert.True(history.ExitCode == 0, history.ToString());
        Assert.Contains(history.Json().GetProperty("events").EnumerateArray(), e => e.GetProperty("to").GetInt32() == 5);
        var historyTable = await CliRun.InvokeAsync(["history", id, .. admin]);
        Assert.Contains("manual", historyTable.Output, StringComparison.Ordinal);

        var overLimit = await CliRun.InvokeAsync(["scale", id, "50", "--reason", "too many", .. admin]);
        Assert.True(overLimit.ExitCode == 2, overLimit.ToString());
        Assert.Single(overLimit.ErrorLines);

        var deleted = await CliRun.InvokeAsync(["targets", "delete", id, .. admin]);
        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        var gone = await CliRun.InvokeAsync(["targets", "get", id, .. admin]);
        Assert.True(gone.ExitCode == 4, gone.ToString());
        Assert.StartsWith("autoscaler: 404", Assert.Single(gone.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disable_and_enable_switch_automatic_scaling_as_status_shows()
    {
        string[] admin = ["--url", Url, "--token", TestKeys.Admin];

        var disabled = await CliRun.InvokeAsync(["disable", "--reason", "maintenance", .. admin]);
        var whileDisabled = await CliRun.InvokeAsync(["status", "--output", "json", .. admin]);
        var enabled = await CliRun.InvokeAsync(["enable", .. admin]);
        var afterwards = await CliRun.InvokeAsync(["status", "--output", "json", .. admin]);
        var table = await CliRun.InvokeAsync(["status", .. admin]);

        Assert.True(disabled.ExitCode == 0, disabled.ToString());
        Assert.False(whileDisabled.Json().GetProperty("enabled").GetBoolean());
        Assert.True(enabled.ExitCode == 0, enabled.ToString());
        Assert.True(afterwards.Json().GetProperty("enabled").GetBoolean());
        Assert.Contains("storage", table.Output, StringComparison.Ordinal);
        Assert.Contains("embedded", table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recommendations_are_listed_as_a_wrapped_array()
    {
        var run = await CliRun.InvokeAsync("recommendations", "--url", Url, "--token", TestKeys.Viewer, "--output", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(JsonValueKind.Array, run.Json().GetProperty("recommendations").ValueKind);
    }

    [Fact]
    public async Task Watch_once_prints_the_targets_and_watch_streams_a_scaling_event_as_a_json_line()
    {
        using var files = new TempFiles();
        var id = $"watch-{Guid.NewGuid():N}"[..15];
        string[] admin = ["--url", Url, "--token", TestKeys.Admin];
        var applied = await CliRun.InvokeAsync(["targets", "apply", "-f", files.Write($$"""
            { "id": "{{id}}", "min": 1, "max": 10, "initialCapacity": 2, "actuator": { "kind": "simulated", "settings": {} } }
            """), .. admin]);
        Assert.True(applied.ExitCode == 0, applied.ToString());

        var once = await CliRun.InvokeAsync(["watch", "--once", .. admin]);
        Assert.True(once.ExitCode == 0, once.ToString());
        Assert.Contains(id, once.Output, StringComparison.Ordinal);

        var output = new SignallingWriter(id);
        var context = new Autoscaler.Cli.CliContext(output, new StringWriter(), () => Stream.Null, Autoscaler.Scaling.Json.PolicyParserRegistry.Default);
        var watching = Task.Run(() => Autoscaler.Cli.AutoscalerCli.Run(
            ["watch", "--target", id, "--duration", "15s", "--output", "json", .. admin], context));

        // The stream may open after a scale: scale again (bounded) until the watcher has printed an event of the target.
        for (var capacity = 3; capacity <= 8 && !output.Seen.IsCompleted; capacity++)
        {
            Assert.False(watching.IsCompleted, "watch ended early");
            var scaled = await CliRun.InvokeAsync(["scale", id, capacity.ToString(System.Globalization.CultureInfo.InvariantCulture), "--reason", "watch test", .. admin]);
            Assert.True(scaled.ExitCode == 0, scaled.ToString());
            try
            {
                await output.Seen.WaitAsync(TimeSpan.FromSeconds(2));
            }
            catch (TimeoutException)
            {
                // Not connected yet when that event was published: scale again.
            }
        }

        var line = await output.Seen.WaitAsync(EventTimeout);
        using var scalingEvent = JsonDocument.Parse(line);
        Assert.Equal(id, scalingEvent.RootElement.GetProperty("target").GetString());
        Assert.Equal(0, await watching.WaitAsync(EventTimeout));
        await CliRun.InvokeAsync(["targets", "delete", id, .. admin]);
    }

    [Fact]
    public async Task Watch_on_redirected_output_prints_the_table_before_and_after_the_bounded_run()
    {
        var run = await CliRun.InvokeAsync("watch", "--duration", "1s", "--url", Url, "--token", TestKeys.Viewer);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(2, run.Output.Split("targets", StringSplitOptions.None).Length - 1);
        Assert.Empty(run.Error);
    }

    /// <summary>Completes <see cref="Seen"/> with the first written line that mentions the target.</summary>
    private sealed class SignallingWriter(string target) : StringWriter
    {
        private readonly TaskCompletionSource<string> _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<string> Seen => _seen.Task;

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value is not null && value.Contains(target, StringComparison.Ordinal))
            {
                _seen.TrySetResult(value);
            }
        }
    }
}
