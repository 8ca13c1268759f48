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
    public static byte[] Read(string path, CliContext context)
    {
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
            throw new ScalingInputException("--input", $"cannot read {path}: {exception.Message}");
        }
    }
}
