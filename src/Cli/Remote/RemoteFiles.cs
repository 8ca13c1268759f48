using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Autoscaler.Cli.Remote;

/// <summary>The <c>--file/-f FILE|-</c> option of the apply commands and reading it as JSON.</summary>
public static class RemoteFiles
{
    /// <summary>A required <c>--file</c> option.</summary>
    public static Option<string> CreateOption(string description) =>
        new("--file", "-f") { Description = description + " (a path, or - for standard input)", Required = true };

    /// <summary>The file's bytes; an unreadable file is an input error naming <c>--file</c>.</summary>
    public static byte[] ReadBytes(string path, CliContext context) =>
        InputSource.ReadFileOrStandardInput(path, context, out var problem) ?? throw new RemoteInputException("--file", problem!);

    /// <summary>The file as a JSON object; anything else is an input error naming <c>--file</c>.</summary>
    public static JsonObject ReadObject(byte[] bytes)
    {
        try
        {
            return JsonNode.Parse(bytes) as JsonObject ?? throw new RemoteInputException("--file", "the document must be a JSON object");
        }
        catch (JsonException error)
        {
            throw new RemoteInputException("--file", $"not valid JSON: {error.Message}");
        }
    }
}
