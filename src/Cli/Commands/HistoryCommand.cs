using System.CommandLine;
using Autoscaler.Cli.Remote;

namespace Autoscaler.Cli.Commands;

/// <summary><c>autoscaler history TARGET [--since 1h] [--limit 50]</c>: a target's scaling events, newest first.</summary>
public sealed class HistoryCommand : ICliCommand
{
    private static readonly string[] Columns = ["at", "kind", "from", "to", "actor", "dryRun", "explanation"];

    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var target = new Argument<string>("target") { Description = "Target id" };
        var since = new Option<string?>("--since") { Description = "Only events newer than this, e.g. 1h or 7d" };
        var limit = new Option<int>("--limit", "-n") { Description = "Most events to show (1-500)", DefaultValueFactory = _ => 50 };
        var cursor = new Option<string?>("--cursor") { Description = "Continue after a previous page (its nextCursor)" };
        var command = new Command("history", "Show a target's scaling history, newest first.") { target, since, limit, cursor };
        var remote = RemoteOptions.AddTo(command);
        command.SetAction((parsed, ct) => RemoteRunner.RunAsync(context, parsed, remote, async (session, token) =>
        {
            var count = parsed.GetValue(limit);
            if (count is < 1 or > 500)
            {
                throw new RemoteInputException("--limit", "must be between 1 and 500");
            }

            DateTimeOffset? from = parsed.GetValue(since) is { } text ? DateTimeOffset.UtcNow - Durations.Parse(text, "--since") : null;
            var history = await session.Api.GetHistoryAsync(parsed.GetValue(target)!, from, null, count, parsed.GetValue(cursor), token);
            session.Write(history, table =>
            {
                table.Rows(TableWriter.Read(history, "events"), Columns, empty: "no events");
                if (TableWriter.Read(history, "nextCursor") is { ValueKind: System.Text.Json.JsonValueKind.String } next)
                {
                    table.Line($"more: --cursor {next.GetString()}");
                }
            });
        }, ct));
        return command;
    }
}
