using System.CommandLine;
using Autoscaler.Cli.Remote;

namespace Autoscaler.Cli.Commands;

/// <summary><c>autoscaler scale TARGET N --reason R [--expires 30m]</c>: pins a target's capacity.</summary>
public sealed class ScaleCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var target = new Argument<string>("target") { Description = "Target id" };
        var capacity = new Argument<int>("capacity") { Description = "Capacity to hold (within the target's min and max)" };
        var reason = new Option<string>("--reason", "-r") { Description = "Why (recorded in history)", Required = true };
        var expires = new Option<string?>("--expires") { Description = "When policies take over again, e.g. 30m or 2h (default: until cleared)" };
        var command = new Command("scale", "Set a target's capacity now and hold it (manual override).") { target, capacity, reason, expires };
        var remote = RemoteOptions.AddTo(command);
        command.SetAction((parsed, ct) => RemoteRunner.RunAsync(context, parsed, remote, async (session, token) =>
        {
            var count = parsed.GetValue(capacity);
            if (count < 0)
            {
                throw new RemoteInputException("capacity", "must be zero or more");
            }

            var why = parsed.GetValue(reason);
            if (string.IsNullOrWhiteSpace(why))
            {
                throw new RemoteInputException("--reason", "must not be empty");
            }

            DateTimeOffset? expiresAt = parsed.GetValue(expires) is { } text ? DateTimeOffset.UtcNow + Durations.Parse(text, "--expires") : null;
            var id = parsed.GetValue(target)!;
            var result = await session.Api.ScaleAsync(id, count, why, expiresAt, token);
            session.Write(result, table => table.Line(
                $"{id}: {TableWriter.Cell(TableWriter.Read(result, "from"))} -> {TableWriter.Cell(TableWriter.Read(result, "to"))} ({TableWriter.Cell(TableWriter.Read(result, "kind"))})"
                + (expiresAt is { } until ? $", held until {until:u}" : string.Empty)));
        }, ct));
        return command;
    }
}
