using System.CommandLine;

namespace Autoscaler.Cli.Commands;

/// <summary>Registers <see cref="MigrateCommand"/> in the command catalog.</summary>
public sealed class MigrateCliCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Build(CliContext context) => MigrateCommand.Create();
}
