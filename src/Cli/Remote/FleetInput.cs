using System.CommandLine;
using System.Text;
using Autoscaler.Manifests;

namespace Autoscaler.Cli.Remote;

/// <summary>The options <c>apply</c> and <c>diff</c> share (<c>-f</c> files or directories, <c>--prune</c>), reading the
/// files, and sending them so that a server error names the file, line, document and field it concerns.</summary>
public sealed class FleetInput
{
    private FleetInput()
    {
    }

    /// <summary>Files or directories of YAML or JSON documents; <c>-</c> for standard input.</summary>
    public Option<string[]> Files { get; } = new("--file", "-f")
    {
        Description = "A YAML or JSON file, a directory of them, or - for standard input (repeatable)",
        Required = true,
        AllowMultipleArgumentsPerToken = true,
    };

    /// <summary>Also delete the registered targets the files do not name.</summary>
    public Option<bool> Prune { get; } = new("--prune")
    {
        Description = "Also delete every registered target the files do not name",
    };

    /// <summary>Creates the options and adds them to <paramref name="command"/>.</summary>
    public static FleetInput AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var input = new FleetInput();
        command.Options.Add(input.Files);
        command.Options.Add(input.Prune);
        return input;
    }

    /// <summary>The documents of every <c>-f</c>; a file that does not read is a <see cref="ManifestException"/>.</summary>
    public static FleetFiles Read(IEnumerable<string> paths, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var documents = new List<ManifestDocument>();
        foreach (var path in paths)
        {
            if (path == "-")
            {
                using var stdin = new StreamReader(context.OpenStandardInput(), Encoding.UTF8);
                documents.AddRange(ManifestReader.Parse("-", stdin.ReadToEnd()));
            }
            else if (!File.Exists(path) && !Directory.Exists(path))
            {
                throw new ManifestException([new ManifestError(path, "no such file or directory")]);
            }
            else
            {
                documents.AddRange(ManifestReader.Read([path]));
            }
        }

        return FleetFiles.Of(documents);
    }

    /// <summary>Posts the files as a fleet; field errors from the server come back located in the files.</summary>
    public static async Task<System.Text.Json.JsonElement> SendAsync(RemoteSession session, FleetFiles files, bool prune, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(files);
        try
        {
            return await session.Api.ApplyFleetAsync(files.Request(prune, dryRun), cancellationToken);
        }
        catch (ApiException error) when (error.Status == 400 && error.FieldErrors.Count > 0)
        {
            throw new ManifestException(files.Errors(error.FieldErrors));
        }
    }
}
