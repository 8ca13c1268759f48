using System.CommandLine;
using System.Text.Json;
using Autoscaler.Alarms.Json;
using Autoscaler.Alarms.Templates;
using Autoscaler.Scaling.Validation;

namespace Autoscaler.Cli.Commands;

/// <summary>The alarm commands that need no cluster: <c>evaluate</c>, <c>composite</c>, <c>validate</c>, <c>templates</c>.</summary>
internal static class AlarmsOfflineCommands
{
    public static void AddTo(Command alarms, CliContext context)
    {
        var evaluateInput = InputSource.CreateOption();
        var evaluate = new Command("evaluate", "Evaluate one metric alarm over its evaluation range (contract: alarms).") { evaluateInput };
        evaluate.SetAction(parsed => CommandRunner.Run(context, () =>
        {
            var request = AlarmDocuments.ReadEvaluate(InputSource.Read(parsed.GetValue(evaluateInput)!, context));
            var result = request.Run();
            return JsonOutput.Render(writer => AlarmResultWriter.WriteEvaluation(writer, result));
        }));

        var compositeInput = InputSource.CreateOption();
        var composite = new Command("composite", "Evaluate a composite alarm's rule over other alarms' states (contract: alarms).") { compositeInput };
        composite.SetAction(parsed => CommandRunner.Run(context, () =>
        {
            var request = AlarmDocuments.ReadComposite(InputSource.Read(parsed.GetValue(compositeInput)!, context));
            var (state, reason) = request.Run();
            return JsonOutput.Render(writer => AlarmResultWriter.WriteComposite(writer, state, request.State, reason));
        }));

        var validateInput = InputSource.CreateOption();
        var validate = new Command("validate", "Check an alarm file (one alarm or { \"alarms\": [...] }); prints OK or every error.") { validateInput };
        validate.SetAction(parsed => CommandRunner.Run(context, () =>
        {
            var alarms = AlarmDocuments.ReadFile(InputSource.Read(parsed.GetValue(validateInput)!, context));
            return $"OK ({alarms.Count} alarm{(alarms.Count == 1 ? string.Empty : "s")})" + Environment.NewLine;
        }));

        alarms.Subcommands.Add(evaluate);
        alarms.Subcommands.Add(composite);
        alarms.Subcommands.Add(validate);
        alarms.Subcommands.Add(Templates(context));
    }

    private static Command Templates(CliContext context)
    {
        var list = new Command("list", "List the bundled alarm sets.");
        list.SetAction(_ => CommandRunner.Run(context, () => JsonOutput.Render(WriteCatalog)));

        var name = new Argument<string>("name") { Description = "Alarm set name (see `alarms templates list`)." };
        var target = new Option<string>("--target", "-t") { Description = "The target the set watches and acts on.", Required = true };
        var prefix = new Option<string?>("--prefix") { Description = "Prepended to every alarm name (default: TARGET-)." };
        var metrics = new Option<string[]>("--metric", "-m") { Description = "Metric name for a role, as role=name (repeatable)." };
        var show = new Command("show", "Expand an alarm set for a target into an alarm file (JSON).") { name, target, prefix, metrics };
        show.SetAction(parsed => CommandRunner.Run(context, () =>
        {
            var rendered = Render(parsed.GetValue(name)!, parsed.GetValue(target)!, parsed.GetValue(prefix), parsed.GetValue(metrics) ?? []);
            using var document = JsonDocument.Parse(rendered);
            return JsonOutput.Render(writer => document.WriteTo(writer));
        }));

        return new Command("templates", "Bundled alarm sets (seed 000's critical, warning, remediation, composite and anomaly sets).") { list, show };
    }

    /// <summary>The set expanded for a target; <c>--metric role=name</c> arguments rename metrics.</summary>
    public static string Render(string template, string target, string? prefix, string[] metricArguments)
    {
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var argument in metricArguments)
        {
            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == argument.Length - 1)
            {
                throw new ScalingInputException("--metric", $"must be role=name, not \"{argument}\"");
            }

            overrides[argument[..equals]] = argument[(equals + 1)..];
        }

        return AlarmTemplateCatalog.Render(template, target, prefix, overrides);
    }

    private static void WriteCatalog(Utf8JsonWriter writer) =>
        TemplateListWriter.Write(writer, AlarmTemplateCatalog.All.Select(t => (t.Name, t.Description, t.Source, t.MetricRoles)));
}
