using System.CommandLine;
using Autoscaler.Cli.Remote;

namespace Autoscaler.Cli.Commands;

/// <summary><c>autoscaler status</c>: cluster-wide switches, storage, target counts and one line per target.</summary>
public sealed class StatusCommand : ICliCommand
{
    private static readonly string[] SummaryColumns = ["id", "status", "enabled", "current", "min", "max", "lastEvaluation", "lastScaling"];

    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var command = new Command("status", "Show whether automatic scaling is on, the storage mode and every target's state.");
        var remote = RemoteOptions.AddTo(command);
        command.SetAction((parsed, cancellationToken) => RemoteRunner.RunAsync(context, parsed, remote, async (session, token) =>
        {
            var status = await session.Api.GetStatusAsync(token);
            session.Write(status, table =>
            {
                table.Fields(Without(status, "summary"), "status");
                if (TableWriter.Read(status, "summary") is { ValueKind: System.Text.Json.JsonValueKind.Array } summary)
                {
                    table.Rows(summary, SummaryColumns, "targets");
                }
            });
        }, cancellationToken));
        return command;
    }

    private static System.Text.Json.JsonElement Without(System.Text.Json.JsonElement document, string field)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(document.GetRawText())!.AsObject();
        node.Remove(field);
        return System.Text.Json.JsonSerializer.SerializeToElement(node);
    }
}
