using System.CommandLine;
using Autoscaler.Scaling.Validation;

namespace Autoscaler.Cli;

/// <summary>The <c>--input FILE|-</c> option and reading it whole.</summary>
public static class InputSource
{
    /// <summary>A required <c>--input</c> option.</summary>
    public static Option<string> CreateOption(bool allowStandardInput = true) =>
        new("--input", "-i")
        {
            Description = allowStandardInput ? "Input document: a file path, or - for standard input." : "Input document: a file path.",
            Required = true,
        };

    /// <summary>The input's bytes; a missing or unreadable file is an input error naming <c>--input</c>.</summary>
    public static byte[] Read(string path, CliContext context) =>
        ReadFileOrStandardInput(path, context, out var problem) ?? throw new ScalingInputException("--input", problem!);

    /// <summary>
    /// The bytes of the file at <paramref name="path"/>, or of standard input for <c>-</c>; null with the reason
    /// ("cannot read PATH: ...") when the file cannot be read. Each option turns the reason into its own input error.
    /// </summary>
    public static byte[]? ReadFileOrStandardInput(string path, CliContext context, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(context);
        problem = null;
        if (path == "-")
        {
            using var stdin = context.OpenStandardInput();
            using var buffer = new MemoryStream();
            stdin.CopyTo(buffer);
            return buffer.ToArray();
        }

        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problem = $"cannot read {path}: {exception.Message}";
            return null;
        }
    }
}
