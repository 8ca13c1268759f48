using System.CommandLine;
using System.Text.Json;
using Autoscaler.Cli.Remote;

namespace Autoscaler.Cli.Commands;

/// <summary><c>autoscaler targets [list|get ID|apply -f FILE|delete ID]</c>: the registered targets.</summary>
public sealed class TargetsCommand : ICliCommand
{
    /// <summary>Columns of the target table (also used by <c>watch</c>).</summary>
    public static readonly string[] Columns = ["id", "status", "enabled", "dryRun", "current", "desired", "min", "max", "lastDecision.kind", "lastDecision.at"];

    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var command = new Command("targets", "List, show, create or update, and delete scalable targets (default: list).");
        var remote = RemoteOptions.AddTo(command);

        var list = new Command("list", "List every target with its capacity and state.");
        list.SetAction((parsed, ct) => RemoteRunner.RunAsync(context, parsed, remote, ListAsync, ct));
        command.SetAction((parsed, ct) => RemoteRunner.RunAsync(context, parsed, remote, ListAsync, ct));

        var getId = new Argument<string>("id") { Description = "Target id" };
        var get = new Command("get", "Show one target.") { getId };
        get.SetAction((parsed, ct) => RemoteRunner.RunAsync(context, parsed, remote, async (session, token) =>
        {
            var target = await session.Api.GetTargetAsync(parsed.GetValue(getId)!, token);
            session.Write(target, table => table.Fields(target, parsed.GetValue(getId)));
        }, ct));

        var file = RemoteFiles.CreateOption("Target definition as camelCase JSON with an \"id\"");
        var apply = new Command("apply", "Create or update a target from a JSON file (PUT /targets/{id}).") { file };
        apply.SetAction((parsed, ct) => RemoteRunner.RunAsync(context, parsed, remote, async (session, token) =>
        {
            var definition = RemoteFiles.ReadObject(RemoteFiles.ReadBytes(parsed.GetValue(file)!, context));
            var id = definition["id"] is { } idNode && idNode.GetValueKind() == JsonValueKind.String ? idNode.GetValue<string>() : null;
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new RemoteInputException("--file", "the target needs a string \"id\"");
            }

            var result = await session.Api.PutTargetAsync(id, definition, token);
            session.Write(result, table => table.Line($"target {id} applied"));
        }, ct));

        var deleteId = new Argument<string>("id") { Description = "Target id" };
        var delete = new Command("delete", "Unregister a target (its history stays).") { deleteId };
        delete.SetAction((parsed, ct) => RemoteRunner.RunAsync(context, parsed, remote, async (session, token) =>
        {
            var id = parsed.GetValue(deleteId)!;
            var result = await session.Api.DeleteTargetAsync(id, token);
            session.Write(result, table => table.Line($"target {id} deleted"));
        }, ct));

        command.Subcommands.Add(list);
        command.Subcommands.Add(get);
        command.Subcommands.Add(apply);
        command.Subcommands.Add(delete);
        return command;
    }

    private static async Task ListAsync(RemoteSession session, CancellationToken token)
    {
        var targets = await session.Api.ListTargetsAsync(token);
        session.Write(targets, table => table.Rows(TableWriter.Read(targets, "targets"), Columns, empty: "no targets registered"));
    }
}
