using System.CommandLine;
using Autoscaler.Cli.Remote;

namespace Autoscaler.Cli.Commands;

/// <summary><c>autoscaler diff -f FILE|DIR [--prune] [--exit-code]</c>: what <c>apply</c> would change, field by field,
/// without changing anything.</summary>
public sealed class DiffCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var command = new Command("diff", "Show what apply would create, update or (with --prune) delete, field by field.");
        var remote = RemoteOptions.AddTo(command);
        var input = FleetInput.AddTo(command);
        var exitCode = new Option<bool>("--exit-code") { Description = $"Exit {ExitCodes.Changes} when something would change (for CI drift checks)" };
        command.Options.Add(exitCode);
        command.SetAction(async (parsed, ct) =>
        {
            var changed = false;
            var code = await RemoteRunner.RunAsync(context, parsed, remote, async (session, token) =>
            {
                var files = FleetInput.Read(parsed.GetValue(input.Files)!, context);
                var result = await FleetInput.SendAsync(session, files, parsed.GetValue(input.Prune), dryRun: true, token);
                var changes = FleetChanges.Read(result);
                changed = changes.Any(c => c.Action != "unchanged");
                session.Write(result, table =>
                {
                    foreach (var change in changes.Where(c => c.Action != "unchanged"))
                    {
                        table.Line($"{FleetChanges.Sign(change.Action)} {change.Kind} {change.Name} ({change.Action})");
                        foreach (var field in change.Fields)
                        {
                            table.Line($"    {field.Path}: {field.From ?? "(none)"} -> {field.To ?? "(none)"}");
                        }
                    }

                    table.Line(changed ? FleetChanges.Summary(result) : "no changes");
                });
            }, ct);
            return code == ExitCodes.Ok && changed && parsed.GetValue(exitCode) ? ExitCodes.Changes : code;
        });
        return command;
    }
}
