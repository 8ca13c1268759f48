using System.CommandLine;

namespace Autoscaler.Cli.Commands;

/// <summary>
/// <c>autoscaler alarms ...</c>: offline (<c>evaluate</c>, <c>composite</c>, <c>validate</c>, <c>templates</c>; contract:
/// docs/contracts/alarms.md) and against a running control plane (<c>list</c>, <c>get</c>, <c>apply</c>, <c>delete</c>,
/// <c>history</c>, <c>set-state</c>, <c>mute</c>, <c>unmute</c>).
/// </summary>
public sealed class AlarmsCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var command = new Command("alarms", "CloudWatch-style metric, anomaly and composite alarms: offline evaluation and the control plane's alarms.");
        AlarmsOfflineCommands.AddTo(command, context);
        AlarmsRemoteCommands.AddTo(command, context);
        return command;
    }
}
