using System.Text;
using System.Text.Json;
using Autoscaler.Cli;
using Autoscaler.Scaling.Json;

namespace Autoscaler.Integration.Tests.Cli;

/// <summary>One in-process run of <c>autoscaler</c>: exit code and what it wrote.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>Runs the root command with <paramref name="args"/> on a worker thread (the command blocks on async
    /// actions), with standard input reading <paramref name="stdin"/>.</summary>
    public static async Task<CliRun> InvokeWithInputAsync(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(output, error, () => new MemoryStream(Encoding.UTF8.GetBytes(stdin)), PolicyParserRegistry.Default);
        var code = await Task.Run(() => AutoscalerCli.Run(args, context));
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public static Task<CliRun> InvokeAsync(params string[] args) => InvokeWithInputAsync(string.Empty, args);

    /// <summary>Standard output as JSON.</summary>
    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Output);
        return document.RootElement.Clone();
    }

    /// <summary>The error stream's lines (trailing newline dropped).</summary>
    public string[] ErrorLines => Error.TrimEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {ExitCode}; stdout: {Output}; stderr: {Error}";
}
