using System.CommandLine;
using System.Text.Json;
using Autoscaler.Scaling.Templates;
using Autoscaler.Scaling.Validation;

namespace Autoscaler.Cli.Commands;

/// <summary>
/// <c>autoscaler templates list</c>: the preset catalog as JSON; <c>autoscaler templates show NAME [--metric role=name]...</c>:
/// the preset expanded to an ordinary policy file (validated), ready for <c>evaluate</c>/<c>simulate</c> or editing.
/// </summary>
public sealed class TemplatesCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var list = new Command("list", "List the scaling presets (name, description, source, metric roles).");
        list.SetAction(_ => CommandRunner.Run(context, () => JsonOutput.Render(WriteCatalog)));

        var name = new Argument<string>("name") { Description = "Template name (see `templates list`)." };
        var metrics = new Option<string[]>("--metric", "-m")
        {
            Description = "A metric the target reports, as role=name or role (repeatable); roles not named are left out of the preset.",
            AllowMultipleArgumentsPerToken = false,
        };
        var show = new Command("show", "Expand a preset into a policy file (JSON).") { name, metrics };
        show.SetAction(parsed => CommandRunner.Run(context, () =>
            Expand(parsed.GetValue(name)!, parsed.GetValue(metrics) ?? [])));

        return new Command("templates", "Named scaling presets that expand to ordinary policies and behavior.") { list, show };
    }

    private static string Expand(string template, string[] metricArguments)
    {
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var argument in metricArguments)
        {
            // "role" alone keeps the role under its default name.
            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0 && argument.Length > 0 && TemplateCatalog.TryGet(template, out var known) && known.MetricRoles.TryGetValue(argument, out var defaultName))
            {
                overrides[argument] = defaultName;
                continue;
            }

            if (equals <= 0 || equals == argument.Length - 1)
            {
                throw new ScalingInputException("--metric", $"must be role=name or a role of the template, not \"{argument}\"");
            }

            overrides[argument[..equals]] = argument[(equals + 1)..];
        }

        try
        {
            _ = TemplateCatalog.Expand(template, overrides);
            var rendered = TemplateCatalog.Render(template, overrides);
            using var document = JsonDocument.Parse(rendered);
            return JsonOutput.Render(writer => document.WriteTo(writer));
        }
        catch (KeyNotFoundException exception)
        {
            throw new ScalingInputException("name", exception.Message);
        }
        catch (ArgumentException exception)
        {
            throw new ScalingInputException("--metric", exception.Message.Split(" (Parameter", 2)[0]);
        }
    }

    private static void WriteCatalog(Utf8JsonWriter writer) =>
        TemplateListWriter.Write(writer, TemplateCatalog.All.Select(t => (t.Name, t.Description, t.Source, t.MetricRoles)));
}
