using Autoscaler.Scaling.Json;

namespace Autoscaler.Cli;

/// <summary>What commands read and write, so that tests can run them in-process with their own streams.</summary>
/// <param name="Output">Standard output: the result document only.</param>
/// <param name="Error">Standard error: messages.</param>
/// <param name="OpenStandardInput">Opens standard input (for <c>--input -</c>).</param>
/// <param name="Policies">Policy kinds the readers accept.</param>
public sealed record CliContext(TextWriter Output, TextWriter Error, Func<Stream> OpenStandardInput, PolicyParserRegistry Policies)
{
    /// <summary>True when standard error is a terminal: long commands then show progress there (never on standard output).</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>The process's console and the built-in policy kinds.</summary>
    public static CliContext FromConsole() =>
        new(Console.Out, Console.Error, Console.OpenStandardInput, PolicyParserRegistry.Default) { ErrorIsTerminal = !Console.IsErrorRedirected };
}
