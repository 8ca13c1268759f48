using Autoscaler.Cli;
using Autoscaler.Integration.Tests.Api;
using Autoscaler.Testing;

namespace Autoscaler.Integration.Tests.Cli;

/// <summary>
/// Configuration as code with the CLI against real silo processes: the demo fleet exported to files, those files
/// applied to an empty silo, compared with <c>diff</c> and read back by <c>export</c> unchanged; an edit shows in
/// <c>diff</c>, <c>--prune</c> deletes what the files no longer name, and a bad value is named by file, document and field.
/// </summary>
public sealed class CliFleetTests : IDisposable
{
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(120);
    private readonly string _root = Directory.CreateTempSubdirectory("autoscaler-fleet-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task The_demo_fleet_round_trips_through_export_apply_diff_and_prune()
    {
        await using var demo = SiloProcess.Start("fleet-demo", new Dictionary<string, string>(), arguments: ["--demo"]);
        await using var empty = SiloProcess.Start("fleet-empty", new Dictionary<string, string>());
        await demo.WaitUntilReadyAsync(Ready);
        await empty.WaitUntilReadyAsync(Ready);
        var files = Path.Combine(_root, "fleet");

        // The demo registers its fleet once the host has started: wait until export shows all three with their policies.
        var exported = await DemoExportAsync(demo);
        var written = await Cli(demo, "export", "--dir", files);
        Assert.True(written.ExitCode == 0, written.ToString());
        Assert.Equal(
            ["supervisor-default.yaml", "target-mistersmith-gateway.yaml", "target-mistersmith-supervisor.yaml", "target-mistersmith-worker.yaml"],
            Directory.GetFiles(files).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var same = await Cli(demo, "diff", "-f", files, "--exit-code");
        Assert.True(same.ExitCode == 0, same.ToString());
        Assert.Contains("no changes", same.Output, StringComparison.Ordinal);

        var created = await Cli(empty, "apply", "-f", files);
        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Contains("3 created", created.Output, StringComparison.Ordinal);
        var again = await Cli(empty, "apply", "-f", files);
        Assert.Contains("0 created, 0 updated, 4 unchanged, 0 deleted", again.Output, StringComparison.Ordinal);
        var copy = await Cli(empty, "export");
        Assert.True(copy.ExitCode == 0, copy.ToString());
        Assert.Equal(exported, copy.Output);

        var worker = Path.Combine(files, "target-mistersmith-worker.yaml");
        await File.WriteAllTextAsync(worker, (await File.ReadAllTextAsync(worker)).Replace("max: 100", "max: 50", StringComparison.Ordinal));
        File.Delete(Path.Combine(files, "target-mistersmith-gateway.yaml"));
        var drift = await Cli(empty, "diff", "-f", files, "--prune", "--exit-code");
        Assert.True(drift.ExitCode == ExitCodes.Changes, drift.ToString());
        Assert.Contains("~ Target mistersmith-worker (update)", drift.Output, StringComparison.Ordinal);
        Assert.Contains("    max: 100 -> 50", drift.Output, StringComparison.Ordinal);
        Assert.Contains("- Target mistersmith-gateway (delete)", drift.Output, StringComparison.Ordinal);

        var pruned = await Cli(empty, "apply", "-f", files, "--prune");
        Assert.True(pruned.ExitCode == 0, pruned.ToString());
        var targets = await Cli(empty, "targets", "--output", "json");
        Assert.DoesNotContain("mistersmith-gateway", targets.Output, StringComparison.Ordinal);
        Assert.Contains("mistersmith-worker", targets.Output, StringComparison.Ordinal);
        var settled = await Cli(empty, "diff", "-f", files, "--prune", "--exit-code");
        Assert.True(settled.ExitCode == 0, settled.ToString());
    }

    [Fact]
    public async Task A_value_the_server_rejects_is_named_by_file_line_document_and_field_and_nothing_is_applied()
    {
        await using var silo = SiloProcess.Start("fleet-errors", new Dictionary<string, string>());
        await silo.WaitUntilReadyAsync(Ready);
        var file = Path.Combine(_root, "fleet.yaml");
        await File.WriteAllTextAsync(file, """
            kind: Target
            id: fleet-good
            min: 1
            max: 4
            actuator: { kind: simulated }
            ---
            kind: Target
            id: fleet-bad
            min: 5
            max: 2
            actuator: { kind: simulated }
            """);

        var run = await Cli(silo, "apply", "-f", file);

        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains($"autoscaler: {file}:10: document 2 (Target fleet-bad): max: ", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
        var lookup = await Cli(silo, "targets", "get", "fleet-good");
        Assert.True(lookup.ExitCode == ExitCodes.NotFound, lookup.ToString());
    }

    private static async Task<string> DemoExportAsync(SiloProcess demo)
    {
        var deadline = DateTime.UtcNow + Ready;
        while (true)
        {
            var export = await Cli(demo, "export");
            if (export.ExitCode == 0 && CountOf(export.Output, "kind: Target") == 3 && export.Output.Contains("name: response-time", StringComparison.Ordinal))
            {
                return export.Output;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the demo fleet was not registered in time: {export}");
            await Task.Delay(250);
        }
    }

    private static int CountOf(string text, string value) => text.Split(value).Length - 1;

    private static async Task<CliRun> Cli(SiloProcess silo, params string[] args) =>
        await CliRun.InvokeAsync([.. args, "--url", silo.BaseAddress.ToString(), "--token", (await File.ReadAllTextAsync(silo.KeyFile)).Trim()]);
}
