using System.CommandLine;
using Autoscaler.Cli.Remote;

namespace Autoscaler.Cli.Commands;

/// <summary><c>autoscaler keys hash [--stdin]</c>: a new API key and the hash to configure for it (offline).</summary>
public sealed class KeysCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var stdin = new Option<bool>("--stdin") { Description = "Hash a key read from standard input instead of creating one" };
        var output = new Option<OutputFormat>("--output", "-o") { Description = "Output format: table or json", DefaultValueFactory = _ => OutputFormat.Table };
        var hash = new Command("hash", "Create an API key and print it with the hash for Api:Keys (the silo stores only the hash).") { stdin, output };
        hash.SetAction(parsed => CommandRunner.Run(context, () =>
        {
            string key;
            if (parsed.GetValue(stdin))
            {
                using var reader = new StreamReader(context.OpenStandardInput());
                key = reader.ReadToEnd().Trim();
                if (key.Length == 0)
                {
                    throw new Scaling.Validation.ScalingInputException("--stdin", "no key on standard input");
                }
            }
            else
            {
                key = ApiKeys.NewKey();
            }

            var hashed = ApiKeys.Hash(key);
            if (parsed.GetValue(output) == OutputFormat.Json)
            {
                return JsonOutput.Render(writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("key", key);
                    writer.WriteString("hash", hashed);
                    writer.WriteEndObject();
                });
            }

            return $"key:  {key}{Environment.NewLine}hash: {hashed}{Environment.NewLine}"
                   + $"# configure: Api__Keys__0__Name=<name> Api__Keys__0__Hash='{hashed}' Api__Keys__0__Role=ingest|viewer|operator|admin{Environment.NewLine}";
        }));
        var command = new Command("keys", "API key utilities.") { hash };
        return command;
    }
}
