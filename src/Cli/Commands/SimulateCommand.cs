using System.CommandLine;
using Autoscaler.Scaling.Json;
using Autoscaler.Scaling.Simulation;

namespace Autoscaler.Cli.Commands;

/// <summary><c>autoscaler simulate --input FILE|- [--format json|table]</c>: a policy set against a recorded trace.</summary>
public sealed class SimulateCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var input = InputSource.CreateOption();
        var format = new Option<string>("--format", "-f")
        {
            Description = "json (default): every decision, the capacity timeline and a summary; table: a readable summary.",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong("json", "table");
        var command = new Command("simulate", "Replay a policy set against a recorded metric trace (contract: simulate).") { input, format };
        command.SetAction(parsed => CommandRunner.Run(context, () =>
        {
            var request = ScalingDocuments.ReadSimulation(InputSource.Read(parsed.GetValue(input)!, context), context.Policies);
            var result = Simulator.Run(request);
            return parsed.GetValue(format) == "table"
                ? SimulationTable.Render(result)
                : JsonOutput.Render(writer => SimulationWriter.Write(writer, result));
        }));
        return command;
    }
}
