using System.CommandLine;
using System.Text.Json;
using Autoscaler.Cli.Planning;
using Autoscaler.Reporting;
using Autoscaler.Scaling.Json;
using Autoscaler.Scaling.Simulation;

namespace Autoscaler.Cli.Commands;

/// <summary>
/// <c>autoscaler simulate --input FILE|- [--input FILE]... [--format json|table] [--summary-only] [--report DIR]</c>: a policy
/// set against a recorded trace (open loop) or a demand trace (closed loop). One input's decisions stream out as they are
/// made; several inputs (or an input with <c>variants</c>) are compared side by side.
/// </summary>
public sealed class SimulateCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var input = new Option<string[]>("--input", "-i")
        {
            Description = "Input document: a file path, or - for standard input. Repeat to compare several policy sets on one trace.",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "json (default): every decision, the capacity timeline and a summary; table: a readable summary.",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong("json", "table");
        var summaryOnly = new Option<bool>("--summary-only") { Description = "Leave the per-evaluation decisions out (long traces)." };
        var report = new Option<string?>("--report") { Description = "Also write DIR/index.html and PNG charts." };
        var command = new Command("simulate", "Replay policy sets against a recorded metric or demand trace (contract: simulate).")
        {
            input, format, summaryOnly, report,
        };
        command.SetAction(parsed => CommandRunner.Stream(context, () =>
        {
            var variants = SimulationInputs.Read(parsed.GetValue(input)!, context);
            var options = new SimulateRun(parsed.GetValue(format) == "table", parsed.GetValue(summaryOnly), parsed.GetValue(report));
            if (variants.Count == 1 && !options.Table)
            {
                Stream(context, variants[0], options);
            }
            else if (variants.Count == 1)
            {
                var run = ReportRun.Simulate(variants[0].Name, variants[0].Request, keepDecisions: true);
                WriteReport(options, [run]);
                context.Output.Write(SimulationTable.Render(run.Result));
            }
            else
            {
                Compare(context, variants, options);
            }
        }));
        return command;
    }

    private static void Stream(CliContext context, SimulationVariant variant, SimulateRun options)
    {
        var request = variant.Request;
        using var writer = new Utf8JsonWriter(new TextWriterStream(context.Output), JsonOutput.Options);
        var output = new SimulationStreamWriter(writer, options.SummaryOnly);
        var result = ProgressDisplay.Run(context, "simulating", Evaluations(request), report =>
        {
            var run = ReportRun.Simulate(variant.Name, request, new CompositeObserver(output, ProgressDisplay.Evaluations(report)));
            WriteReport(options, [run]);
            return run.Result;
        });
        output.Complete(result);
        context.Output.WriteLine();
    }

    private static void Compare(CliContext context, IReadOnlyList<SimulationVariant> variants, SimulateRun options)
    {
        var total = variants.Sum(v => Evaluations(v.Request));
        var runs = ProgressDisplay.Run(context, "simulating", total, report =>
        {
            long before = 0;
            var done = new List<ReportRun>();
            foreach (var variant in variants)
            {
                var offset = before;
                done.Add(ReportRun.Simulate(variant.Name, variant.Request, ProgressDisplay.Evaluations(n => report(offset + n))));
                before += Evaluations(variant.Request);
            }

            return done;
        });
        WriteReport(options, runs);
        context.Output.Write(options.Table ? SimulationTable.Compare(runs) : JsonOutput.Render(writer => WriteVariants(writer, runs, options.SummaryOnly)));
    }

    private static void WriteVariants(Utf8JsonWriter writer, IReadOnlyList<ReportRun> runs, bool summaryOnly)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("variants");
        foreach (var run in runs)
        {
            writer.WriteStartObject();
            writer.WriteString("name", run.Name);
            if (!summaryOnly)
            {
                SimulationWriter.WriteCapacity(writer, "capacity", run.Result.Capacity);
            }

            writer.WritePropertyName("summary");
            SimulationWriter.WriteSummary(writer, run.Result.Summary);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteReport(SimulateRun options, IReadOnlyList<ReportRun> runs)
    {
        if (options.Report is not { } directory)
        {
            return;
        }

        try
        {
            HtmlReport.WriteSimulation(directory, runs);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new Scaling.Validation.ScalingInputException("--report", $"cannot write {directory}: {error.Message}");
        }
    }

    private static long Evaluations(SimulationRequest request) =>
        (long)((request.Trace[^1].At - request.Trace[0].At).TotalSeconds / request.EvaluationIntervalSeconds) + 1;

    private sealed record SimulateRun(bool Table, bool SummaryOnly, string? Report);
}
