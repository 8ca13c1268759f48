using System.CommandLine;
using System.Text;
using Autoscaler.Cli.Planning;
using Autoscaler.Reporting;
using Autoscaler.Scaling.Tuning;

namespace Autoscaler.Cli.Commands;

/// <summary>
/// <c>autoscaler tune --input FILE|- [--report DIR] [--parallelism N]</c>: simulate every combination of a search's
/// ranges on a demand trace, print the Pareto frontier of capacity-hours against under-provisioning and a runnable
/// recommendation (contract: simulate.md, tune).
/// </summary>
public sealed class TuneCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var input = InputSource.CreateOption();
        var report = new Option<string?>("--report") { Description = "Also write DIR/index.html with the frontier and the recommended run." };
        var parallelism = new Option<int>("--parallelism", "-p")
        {
            Description = "Candidates simulated at once (default: every core).",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var command = new Command("tune", "Search policy parameters on a demand trace: Pareto frontier and a recommendation.") { input, report, parallelism };
        command.SetAction(parsed => CommandRunner.Run(context, () =>
        {
            var request = TuneReader.Read(InputSource.Read(parsed.GetValue(input)!, context), context.Policies);
            if (parsed.GetValue(parallelism) < 1)
            {
                throw new Scaling.Validation.ScalingInputException("--parallelism", "must be at least 1");
            }

            var result = ProgressDisplay.Run(context, "tuning", request.CandidateCount, report =>
                PolicyTuner.Run(request, parsed.GetValue(parallelism), done => report(done), context.Policies));
            if (parsed.GetValue(report) is { } directory)
            {
                TuneReport.Write(directory, request, result);
            }

            return JsonOutput.Render(writer => TuneWriter.Write(writer, result));
        }));
        return command;
    }
}
