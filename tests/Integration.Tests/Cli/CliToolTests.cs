using System.Diagnostics;
using Autoscaler.Testing;

namespace Autoscaler.Integration.Tests.Cli;

/// <summary>The CLI as operators install it: <c>dotnet pack</c> makes a .NET tool package, <c>dotnet tool install</c>
/// from that directory (no other package source) puts an <c>autoscaler</c> command in place, and it runs.</summary>
public sealed class CliToolTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("autoscaler-tool-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task The_cli_packs_as_a_dotnet_tool_that_installs_from_the_local_package_and_runs_as_autoscaler()
    {
        var packages = Path.Combine(_root, "packages");
        var tools = Path.Combine(_root, "tools");
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release" : "Debug";
        var config = Path.Combine(_root, "nuget.config");
        await File.WriteAllTextAsync(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><clear /><add key="local" value="{packages}" /></packageSources></configuration>
            """);

        var pack = await RunAsync("dotnet", ["pack", CliProject(), "-c", configuration, "--no-build", "-o", packages, "-nologo"]);
        Assert.True(pack.Exit == 0, pack.Output);
        Assert.Single(Directory.GetFiles(packages, "Autoscaler.Cli.*.nupkg"));

        var install = await RunAsync("dotnet", ["tool", "install", "--tool-path", tools, "--configfile", config, "Autoscaler.Cli"]);
        Assert.True(install.Exit == 0, install.Output);

        var autoscaler = Path.Combine(tools, OperatingSystem.IsWindows() ? "autoscaler.exe" : "autoscaler");
        var help = await RunAsync(autoscaler, ["--help"]);
        Assert.True(help.Exit == 0, help.Output);
        foreach (var command in new[] { "evaluate", "apply", "diff", "export", "targets", "status" })
        {
            Assert.Contains(command, help.Output, StringComparison.Ordinal);
        }

        var templates = await RunAsync(autoscaler, ["templates", "list"]);
        Assert.True(templates.Exit == 0, templates.Output);
        Assert.Contains("\"balanced\"", templates.Output, StringComparison.Ordinal);
    }

    private static string CliProject()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Orleans.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Orleans.sln not found"), "src", "Cli", "Cli.csproj");
    }

    private async Task<(int Exit, string Output)> RunAsync(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = _root };
        // The tool's own first-run and telemetry chatter stays out of the output the test reads.
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        await using var process = ObservedProcess.Start(start);
        var exit = await process.WaitForExitAsync(TimeSpan.FromMinutes(3));
        return (exit, process.Output);
    }
}
