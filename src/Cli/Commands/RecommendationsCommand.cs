using System.CommandLine;
using Autoscaler.Cli.Remote;

namespace Autoscaler.Cli.Commands;

/// <summary><c>autoscaler recommendations</c>: what the policies and cost model would change now.</summary>
public sealed class RecommendationsCommand : ICliCommand
{
    private static readonly string[] Columns = ["target", "kind", "priority", "current", "recommended", "proposed", "confidence", "monthlySavings", "reason"];

    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var command = new Command("recommendations", "Show what each target's policies decide now (scale-out, scale-in, held, steady, no-data).");
        var remote = RemoteOptions.AddTo(command);
        command.SetAction((parsed, ct) => RemoteRunner.RunAsync(context, parsed, remote, async (session, token) =>
        {
            var result = await session.Api.GetRecommendationsAsync(token);
            session.Write(result, table => table.Rows(TableWriter.Read(result, "recommendations"), Columns, empty: "no recommendations"));
        }, ct));
        return command;
    }
}
