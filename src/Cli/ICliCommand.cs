using System.CommandLine;

namespace Autoscaler.Cli;

/// <summary>One subcommand of <c>autoscaler</c>. Add a command: one class implementing this, one line in <see cref="CommandCatalog"/>.</summary>
public interface ICliCommand
{
    /// <summary>Builds the command; its action must write results to <see cref="CliContext.Output"/> and messages to <see cref="CliContext.Error"/>.</summary>
    public Command Build(CliContext context);
}
