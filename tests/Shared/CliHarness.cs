using System.Text;
using Autoscaler.Cli;
using Autoscaler.Scaling.Json;

namespace Autoscaler.Testing.Cli;

/// <summary>
/// Runs the <c>autoscaler</c> command tree in-process with captured streams (compiled into each test project that runs
/// the CLI: tests/Shared holds source shared by link, not a project).
/// </summary>
internal static class CliHarness
{
    public static (int Exit, string Output, string Error) Run(string? standardInput, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var stdin = Encoding.UTF8.GetBytes(standardInput ?? string.Empty);
        var context = new CliContext(output, error, () => new MemoryStream(stdin), PolicyParserRegistry.Default);
        var exit = AutoscalerCli.Run(args, context);
        return (exit, output.ToString(), error.ToString());
    }
}
