using System.CommandLine;
using Autoscaler.Scaling;
using Autoscaler.Scaling.Json;

namespace Autoscaler.Cli.Commands;

/// <summary><c>autoscaler evaluate --input FILE|-</c>: one decision step, as JSON.</summary>
public sealed class EvaluateCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var input = InputSource.CreateOption();
        var command = new Command("evaluate", "Evaluate one decision step for one target (contract: evaluate).") { input };
        command.SetAction(parsed => CommandRunner.Run(context, () =>
        {
            var request = ScalingDocuments.ReadEvaluation(InputSource.Read(parsed.GetValue(input)!, context), context.Policies);
            var decision = ScalingEngine.Evaluate(request);
            return JsonOutput.Render(writer => DecisionWriter.Write(writer, decision));
        }));
        return command;
    }
}
