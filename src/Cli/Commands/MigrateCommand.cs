using System.CommandLine;
using Autoscaler.Adapters.PostgreSql.Schema;

namespace Autoscaler.Cli.Commands;

/// <summary>
/// <c>autoscaler migrate</c>: applies the versioned PostgreSQL schema (deploy/sql) that this build carries, or with
/// <c>--check</c> only verifies it. Exit code 0 on success, 1 with one line on stderr otherwise.
/// </summary>
public static class MigrateCommand
{
    /// <summary>The environment variable read when <c>--connection-string</c> is not given.</summary>
    public const string ConnectionStringVariable = "ConnectionStrings__Autoscaler";

    /// <summary>Builds the command. <paramref name="environment"/> replaces environment lookups (tests).</summary>
    public static Command Create(Func<string, string?>? environment = null)
    {
        var getVariable = environment ?? Environment.GetEnvironmentVariable;
        var connectionString = new Option<string?>("--connection-string", "-c")
        {
            Description = $"Npgsql connection string (default: environment variable {ConnectionStringVariable})",
        };
        var check = new Option<bool>("--check")
        {
            Description = "Only verify that the database has exactly this build's schema; change nothing",
        };
        var timeout = new Option<int>("--command-timeout")
        {
            Description = "Timeout of one statement in seconds",
            DefaultValueFactory = _ => 30,
        };
        var command = new Command("migrate", "Apply the autoscaler's PostgreSQL schema (Orleans tables, history)")
        {
            connectionString,
            check,
            timeout,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var target = parseResult.GetValue(connectionString) ?? getVariable(ConnectionStringVariable);
            if (string.IsNullOrWhiteSpace(target))
            {
                await error.WriteLineAsync($"autoscaler migrate: no connection string: pass --connection-string or set {ConnectionStringVariable}");
                return 1;
            }

            try
            {
                var migrator = new SchemaMigrator(target, parseResult.GetValue(timeout));
                if (parseResult.GetValue(check))
                {
                    var version = await migrator.VerifyAsync(cancellationToken);
                    await output.WriteLineAsync($"database schema at version {version} (verified)");
                    return 0;
                }

                var result = await migrator.MigrateAsync(cancellationToken);
                foreach (var script in result.Applied)
                {
                    await output.WriteLineAsync($"applied {script.Version:D4}_{script.Name}");
                }

                var state = result.Applied.Count == 0 ? "up to date" : $"{result.Applied.Count} script(s) applied";
                await output.WriteLineAsync($"database schema at version {result.DatabaseVersion} ({state})");
                return 0;
            }
            catch (SchemaMigrationException exception)
            {
                await error.WriteLineAsync($"autoscaler migrate: {exception.Message}");
                return 1;
            }
        });
        return command;
    }
}
