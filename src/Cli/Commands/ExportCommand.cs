using System.CommandLine;
using System.Text.Json.Nodes;
using Autoscaler.Cli.Remote;
using Autoscaler.Manifests;

namespace Autoscaler.Cli.Commands;

/// <summary><c>autoscaler export [--format yaml|json] [--dir DIR]</c>: the running targets, policies and scope limits as
/// configuration files that <c>apply</c> reads back to the same fleet.</summary>
public sealed class ExportCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var command = new Command("export", "Print the running targets, policies and scope limits as YAML (or JSON) documents that apply reads back.");
        var remote = RemoteOptions.AddTo(command);
        var format = new Option<string>("--format")
        {
            Description = "yaml (documents separated by ---) or json (an array)",
            DefaultValueFactory = _ => "yaml",
        };
        format.AcceptOnlyFromAmong("yaml", "json");
        var directory = new Option<string?>("--dir") { Description = "Write one file per document into this directory instead of printing" };
        command.Options.Add(format);
        command.Options.Add(directory);
        command.SetAction((parsed, ct) => RemoteRunner.RunAsync(context, parsed, remote, async (session, token) =>
        {
            var export = JsonNode.Parse((await session.Api.ExportFleetAsync(token)).GetRawText())!.AsObject();
            var documents = FleetFiles.Documents(export).ToList();
            var json = parsed.GetValue(format) == "json";
            if (parsed.GetValue(directory) is not { } dir)
            {
                context.Output.Write(json ? ManifestWriter.Json(documents) : ManifestWriter.Yaml(documents));
                return;
            }

            Directory.CreateDirectory(dir);
            foreach (var document in documents)
            {
                var name = document.Body[ManifestKinds.NameField(document.Kind)]?.GetValue<string>() ?? "unnamed";
                var path = Path.Combine(dir, $"{document.Kind.ToLowerInvariant()}-{name}.{(json ? "json" : "yaml")}");
                await File.WriteAllTextAsync(path, json ? ManifestWriter.Json([document]) : ManifestWriter.Yaml([document]), token);
            }

            context.Error.WriteLine($"wrote {documents.Count} documents to {dir}");
        }, ct));
        return command;
    }
}
