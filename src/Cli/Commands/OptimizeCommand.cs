using System.CommandLine;
using Autoscaler.Optimization;
using Autoscaler.Optimization.Json;

namespace Autoscaler.Cli.Commands;

/// <summary>
/// <c>autoscaler optimize --input FILE|- [--input FILE]... [--format json|table]</c>: right-size, schedule, purchase-option
/// and waste recommendations for a target from its recorded usage (an <c>optimize</c> document: a trace export plus an
/// <c>optimize</c> object, docs/optimization.md). Several inputs give a fleet report. The subcommands work on a running
/// control plane's recommendation records (<see cref="OptimizeRemoteCommands"/>).
/// </summary>
public sealed class OptimizeCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var input = new Option<string[]>("--input", "-i")
        {
            Description = "Optimize document: a file path, or - for standard input. Repeat for a fleet report.",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "json (default): every recommendation with its candidates and explanation; table: a readable summary.",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong("json", "table");
        var command = new Command("optimize", "Cost recommendations from recorded usage: right-size (with the count re-simulated), schedules, commitments and Spot, waste.")
        {
            input, format,
        };
        command.SetAction(parsed => CommandRunner.Run(context, () =>
        {
            var paths = parsed.GetValue(input)!;
            var inputs = paths.Select(path => OptimizationReader.Read(InputSource.Read(path, context), context.Policies)).ToList();
            var table = parsed.GetValue(format) == "table";
            if (inputs.Count == 1)
            {
                var report = Optimizer.Optimize(inputs[0].Profile, inputs[0].Options);
                return table ? OptimizationTable.Render([report]) : JsonOutput.Render(writer => OptimizationWriter.Write(writer, report));
            }

            var fleet = Optimizer.Fleet(inputs.Select(i => i.Profile), inputs[0].Options);
            return table ? OptimizationTable.Render(fleet.Targets, fleet) : JsonOutput.Render(writer => OptimizationWriter.WriteFleet(writer, fleet));
        }));
        OptimizeRemoteCommands.AddTo(command, context);
        return command;
    }
}
