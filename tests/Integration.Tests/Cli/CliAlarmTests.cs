using System.Text.Json;
using Autoscaler.Integration.Tests.Api;

namespace Autoscaler.Integration.Tests.Cli;

/// <summary><c>autoscaler alarms ...</c> against the real silo over HTTP: apply from a file, list, set-state, history,
/// mute, apply a bundled set, delete; a file the engine refuses is refused before anything is sent.</summary>
public sealed class CliAlarmTests(CliSiloFixture silo) : IClassFixture<CliSiloFixture>
{
    private string Url => silo.BaseUrl.ToString();

    [Fact]
    public async Task Alarms_are_applied_listed_set_muted_read_back_in_history_and_deleted()
    {
        using var files = new TempFiles();
        var id = $"cli-{Guid.NewGuid():N}"[..14];
        var alarm = $"{id}-cpu";
        var target = files.Write($$"""{ "id": "{{id}}", "min": 1, "max": 10, "initialCapacity": 2, "actuator": { "kind": "simulated", "settings": {} } }""");
        var alarms = files.Write($$"""
            { "alarms": [ { "name": "{{alarm}}", "target": "{{id}}", "metric": "cpu", "periodSeconds": 60, "evaluationPeriods": 2,
                            "threshold": 90, "comparison": "GreaterThanThreshold", "treatMissingData": "ignore" } ] }
            """);
        string[] remote = ["--url", Url, "--token", TestKeys.Operator];

        Assert.Equal(0, (await CliRun.InvokeAsync(["targets", "apply", "-f", target, .. remote])).ExitCode);
        var applied = await CliRun.InvokeAsync(["alarms", "apply", "-f", alarms, .. remote]);
        var set = await CliRun.InvokeAsync(["alarms", "set-state", alarm, "ALARM", "--reason", "cli test", .. remote]);
        var muted = await CliRun.InvokeAsync(["alarms", "mute", alarm, "--for", "30m", "--reason", "deploy", .. remote]);
        var list = await CliRun.InvokeAsync(["alarms", "list", "--target", id, "-o", "json", .. remote]);
        var history = await CliRun.InvokeAsync(["alarms", "history", alarm, "-o", "json", .. remote]);
        var bundled = await CliRun.InvokeAsync(["alarms", "templates", "apply", "control-plane", "--target", id, .. remote]);
        var deleted = await CliRun.InvokeAsync(["alarms", "delete", alarm, .. remote]);
        var gone = await CliRun.InvokeAsync(["alarms", "get", alarm, .. remote]);

        Assert.True(applied.ExitCode == 0, applied.ToString());
        Assert.True(set.ExitCode == 0, set.ToString());
        Assert.Contains("ALARM", set.Output, StringComparison.Ordinal);
        Assert.True(muted.ExitCode == 0, muted.ToString());
        var listed = JsonDocument.Parse(list.Output).RootElement.GetProperty("alarms")[0];
        Assert.Equal(("ALARM", true), (listed.GetProperty("state").GetString(), listed.GetProperty("muted").GetBoolean()));
        Assert.Equal("Set by operator: cli test", JsonDocument.Parse(history.Output).RootElement.GetProperty("entries")[0].GetProperty("reason").GetString());
        Assert.True(bundled.ExitCode == 0, bundled.ToString());
        Assert.Contains($"{id}-ActuationFailing", bundled.Output, StringComparison.Ordinal);
        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        Assert.True(gone.ExitCode == 4, gone.ToString());
    }

    [Fact]
    public async Task A_file_the_engine_refuses_exits_2_naming_the_field()
    {
        using var files = new TempFiles();
        var file = files.Write("""{ "name": "x", "metric": "cpu", "periodSeconds": 60, "evaluationPeriods": 2, "datapointsToAlarm": 5, "threshold": 1, "comparison": "GreaterThanThreshold" }""");

        var run = await CliRun.InvokeAsync(["alarms", "apply", "-f", file, "--url", Url, "--token", TestKeys.Operator]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("datapointsToAlarm: must be between 1 and evaluationPeriods (2)", run.ErrorLines[0], StringComparison.Ordinal);
    }
}
