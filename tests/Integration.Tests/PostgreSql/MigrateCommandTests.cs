using System.CommandLine;
using Autoscaler.Adapters.PostgreSql.Schema;
using Autoscaler.Cli.Commands;
using Autoscaler.Testing;

namespace Autoscaler.Integration.Tests.PostgreSql;

public sealed class MigrateCommandTests
{
    [Fact]
    public async Task Migrate_applies_and_prints_the_versions_then_reports_up_to_date()
    {
        var database = await TestEnvironment.CreateDatabaseAsync("cli");

        var first = await RunAsync(["migrate", "--connection-string", database]);
        var second = await RunAsync(["migrate", "--connection-string", database]);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(
            SchemaScripts.All.Select(s => $"applied {s.Version:D4}_{s.Name}")
                .Append($"database schema at version {SchemaScripts.LatestVersion} ({SchemaScripts.All.Count} script(s) applied)"),
            Lines(first.Output));
        Assert.Equal(0, second.ExitCode);
        Assert.Equal([$"database schema at version {SchemaScripts.LatestVersion} (up to date)"], Lines(second.Output));
        Assert.Empty(second.Error);
    }

    [Fact]
    public async Task Migrate_reads_the_connection_string_from_the_environment_and_check_verifies()
    {
        var database = await TestEnvironment.CreateDatabaseAsync("cli");
        Func<string, string?> environment = name => name == MigrateCommand.ConnectionStringVariable ? database : null;

        var applied = await RunAsync(["migrate"], environment);
        var checkedOk = await RunAsync(["migrate", "--check"], environment);

        Assert.Equal(0, applied.ExitCode);
        Assert.Equal(0, checkedOk.ExitCode);
        Assert.Equal([$"database schema at version {SchemaScripts.LatestVersion} (verified)"], Lines(checkedOk.Output));
    }

    [Fact]
    public async Task Migrate_fails_with_exit_code_1_and_one_readable_line_when_the_server_is_unreachable()
    {
        var result = await RunAsync(["migrate", "-c", "Host=127.0.0.1;Port=1;Username=u;Password=topsecret;Database=d;Timeout=5"]);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(Lines(result.Error));
        Assert.StartsWith("autoscaler migrate: cannot reach PostgreSQL at 127.0.0.1:1 ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("topsecret", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_without_any_connection_string_says_how_to_give_one()
    {
        var result = await RunAsync(["migrate"], _ => null);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(MigrateCommand.ConnectionStringVariable, Assert.Single(Lines(result.Error)), StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        string[] args, Func<string, string?>? environment = null)
    {
        var root = new RootCommand { MigrateCommand.Create(environment ?? (_ => null)) };
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
