using System.CommandLine;
using System.Text.Json;
using Autoscaler.Cli.Remote;

namespace Autoscaler.Cli.Commands;

/// <summary><c>autoscaler apply -f FILE|DIR [--prune]</c>: creates or updates the targets (with their policies) and
/// scope limits the files declare; unchanged ones are left alone, so applying twice changes nothing the second time.</summary>
public sealed class ApplyCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var command = new Command("apply", "Create or update the targets, policies and scope limits that YAML or JSON files declare.");
        var remote = RemoteOptions.AddTo(command);
        var input = FleetInput.AddTo(command);
        command.SetAction((parsed, ct) => RemoteRunner.RunAsync(context, parsed, remote, async (session, token) =>
        {
            var files = FleetInput.Read(parsed.GetValue(input.Files)!, context);
            var result = await FleetInput.SendAsync(session, files, parsed.GetValue(input.Prune), dryRun: false, token);
            session.Write(result, table =>
            {
                foreach (var change in FleetChanges.Read(result).Where(c => c.Action != "unchanged"))
                {
                    table.Line(change.Fields.Count == 0
                        ? $"{change.Kind} {change.Name} {FleetChanges.Past(change.Action)}"
                        : $"{change.Kind} {change.Name} {FleetChanges.Past(change.Action)}: {string.Join(", ", change.Fields.Select(f => f.Path))}");
                }

                table.Line(FleetChanges.Summary(result));
            });
        }, ct));
        return command;
    }
}
