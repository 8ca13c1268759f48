using System.CommandLine;
using Autoscaler.Scaling.Json;

namespace Autoscaler.Cli.Commands;

/// <summary><c>autoscaler validate --input FILE</c>: checks a policy file (policies, behavior, target); prints OK.</summary>
public sealed class ValidateCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var input = InputSource.CreateOption();
        var command = new Command("validate", "Check a policy file (policies, behavior, target bounds); prints OK or the errors.") { input };
        command.SetAction(parsed => CommandRunner.Run(context, () =>
        {
            _ = ScalingDocuments.ReadPolicyFile(InputSource.Read(parsed.GetValue(input)!, context), context.Policies);
            return "OK" + Environment.NewLine;
        }));
        return command;
    }
}
