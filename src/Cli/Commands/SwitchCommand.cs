using System.CommandLine;
using Autoscaler.Cli.Remote;

namespace Autoscaler.Cli.Commands;

/// <summary><c>autoscaler enable</c> / <c>autoscaler disable</c>: turns automatic scaling on or off cluster-wide.</summary>
/// <param name="enabled">True for <c>enable</c>.</param>
public sealed class SwitchCommand(bool enabled) : ICliCommand
{
    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var reason = new Option<string?>("--reason", "-r") { Description = "Why (recorded)" };
        var command = new Command(
            enabled ? "enable" : "disable",
            enabled ? "Turn automatic scaling on cluster-wide." : "Turn automatic scaling off cluster-wide (targets are watched, never actuated).")
        {
            reason,
        };
        var remote = RemoteOptions.AddTo(command);
        command.SetAction((parsed, ct) => RemoteRunner.RunAsync(context, parsed, remote, async (session, token) =>
        {
            var result = await session.Api.SetEnabledAsync(enabled, parsed.GetValue(reason), token);
            session.Write(result, table => table.Line(enabled ? "automatic scaling enabled" : "automatic scaling disabled"));
        }, ct));
        return command;
    }
}
